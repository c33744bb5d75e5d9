cd "$TMPDIR"
exec 3> out3
echo to3 >&3
exec 3>&-
cat out3
