cd "$TMPDIR"
echo content > src
exec 5< src
cat <&5
