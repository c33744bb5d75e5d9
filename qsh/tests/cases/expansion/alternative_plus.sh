unset u; e=; s=set
echo "[${u+alt}] [${e+alt}] [${e:+alt}] [${s:+alt}]"
