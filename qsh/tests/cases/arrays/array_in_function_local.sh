f() { typeset -a loc; loc=(1 2 3); echo ${#loc[@]}; }
f
echo "[${loc[@]}]"
