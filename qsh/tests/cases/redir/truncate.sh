cd "$TMPDIR"
echo long line > f
echo s > f
cat f
