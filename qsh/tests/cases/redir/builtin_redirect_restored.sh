cd "$TMPDIR"
echo one > a
echo two
cat a
