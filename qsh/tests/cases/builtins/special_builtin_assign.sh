x=1 : 
echo "x=$x"
y=2 true
echo "y=[$y]"
