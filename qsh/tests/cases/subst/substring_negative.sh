s=abcdef
echo ${s: -2} ${s:(-3):2} ${s: -10:3}
