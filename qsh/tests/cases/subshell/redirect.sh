cd "$TMPDIR"
(echo a; echo b) > out
cat out
