f() { exit 5; }
f
echo never
