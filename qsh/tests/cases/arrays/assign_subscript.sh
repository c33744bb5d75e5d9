a[2+1]=three
i=0
a[i]=zero
echo ${!a[*]} ${a[*]}
