x=x
echo $((x+1))
