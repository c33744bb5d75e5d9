unset u; e=; s=set
echo "[${u-d}] [${u:-d}] [${e-d}] [${e:-d}] [${s-d}] [${s:-d}]"
