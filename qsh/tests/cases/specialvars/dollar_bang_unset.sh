echo "[${!-unset}]"
