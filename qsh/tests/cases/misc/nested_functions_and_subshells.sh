f() { g() { echo "g in $1"; }; (g sub); g main; }
f
