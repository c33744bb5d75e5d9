set --
echo "[${@-none}]" "[${*:-empty}]"
