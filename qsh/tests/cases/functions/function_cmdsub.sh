f() { echo result; }
x=$(f)
echo "[$x]"
