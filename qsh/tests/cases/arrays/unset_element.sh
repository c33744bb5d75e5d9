a=(a b c)
unset a[0]
echo ${#a[@]} ${!a[@]}
unset a[5]
echo ${#a[@]}
