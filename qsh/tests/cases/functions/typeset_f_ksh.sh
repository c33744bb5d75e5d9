function g { if true; then echo "x $1"; fi; }
typeset -f g
