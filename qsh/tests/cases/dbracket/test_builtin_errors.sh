[ a = b
echo "status $?"
test a b
echo "status $?"
[ 1 -eq ]
echo "status $?"
test 1 -eq 1 -o
echo "status $?"
