a[1 + 1]=two
echo ${a[2]}
