type echo
f() { :; }
type f
