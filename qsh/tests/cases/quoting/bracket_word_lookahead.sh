printf '%s\n' ona[a[a[e 
echo a[1 2]
a[1 + 1]=x; echo ${a[2]}
