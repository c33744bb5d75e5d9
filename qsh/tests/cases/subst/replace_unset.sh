unset u
echo "[${u/a/b}]"
