cd "$TMPDIR"
touch z1 z2
x=z*
echo "$x"
