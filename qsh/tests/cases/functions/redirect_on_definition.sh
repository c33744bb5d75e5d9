cd "$TMPDIR"
f() { echo to file; } > fout
f
cat fout
