a[3]=x a[7]=y a[0]=z
for i in ${!a[@]}; do echo "$i=${a[i]}"; done
