cd "$TMPDIR"
f=target.txt
echo data > $f
cat "$f"
