cd "$TMPDIR"
x=val > created
ls created
echo $x
