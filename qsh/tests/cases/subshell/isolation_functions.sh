(f() { echo sub-f; }; f)
f 2>/dev/null || echo "no f outside"
