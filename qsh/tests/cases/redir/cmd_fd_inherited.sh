cd "$TMPDIR"
sh -c 'echo via3 >&3' 3>out
cat out
