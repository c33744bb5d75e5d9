cd "$TMPDIR"
touch b10 b9 B1 b1 _x
echo *
