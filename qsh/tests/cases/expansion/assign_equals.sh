unset u; e=
echo "[${u=x}] [$u]"
echo "[${e=y}] [$e]"
echo "[${e:=z}] [$e]"
