cd "$TMPDIR"
mkdir s
touch s/t
echo s?t s*t
