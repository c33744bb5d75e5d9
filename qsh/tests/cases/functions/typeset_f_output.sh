f() { echo a; }
typeset -f f
