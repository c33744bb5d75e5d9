cd "$TMPDIR"
{ echo a; echo b; } > g
for i in 1 2; do echo $i; done > h
if true; then echo yes; fi > k
cat g h k
