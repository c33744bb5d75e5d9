[ 1 -eq 'x y' ]
echo "status $?"
[[ 2 -lt 1+ ]]
echo "status $?"
