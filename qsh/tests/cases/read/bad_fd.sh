read -u5 x
echo "status $?"
