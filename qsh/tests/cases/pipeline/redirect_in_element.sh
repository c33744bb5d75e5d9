cd "$TMPDIR"
echo data > f
cat < f | tr a-z A-Z
