f() { f; }
f
echo "after $?"
g() { g "$@" x; }
g
echo done
