a=(a b c)
echo "[${a[-1]}]"
