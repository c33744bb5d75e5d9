typeset -i dq
typeset -p dq
echo "[${dq-unset}]"
