cd "$TMPDIR"
touch one two three
echo !(one) !(t*)
