function f() { echo "posix-style $0"; }
f
