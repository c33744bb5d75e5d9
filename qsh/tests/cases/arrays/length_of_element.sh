a=(short longer)
echo ${#a[1]} ${#a[0]} ${#a}
