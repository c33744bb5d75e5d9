cd "$TMPDIR"
touch f1 g1
echo {f,g}*
