s=scalar
echo ${s[0]} ${#s[@]} "[${s[1]}]"
a=(x y)
echo $a ${a}
a=z
echo ${a[@]}
