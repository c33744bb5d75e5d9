cd "$TMPDIR"
echo hello > f
cat < f
echo more >> f
cat f
