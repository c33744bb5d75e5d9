f() { echo "$1"; }
f "$(echo cmd)" arg
