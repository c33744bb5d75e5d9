cd "$TMPDIR"
echo abc > rw
cat <> rw
