cd "$TMPDIR"
touch '[x]' x
echo "["x] \[x\]
