a[5]=five
a[1]=one
a[10]=ten
echo ${#a[@]} ${!a[@]} ${a[@]}
