a=b; b=c; c=7
echo $((a)) $((a*2))
x='1 + 2'
echo $((x*3))
