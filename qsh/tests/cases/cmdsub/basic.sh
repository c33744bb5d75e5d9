x=$(echo hello)
echo "[$x]"
y=`echo back`
echo "[$y]"
