cd "$TMPDIR"
echo data > 'r*'
ls
