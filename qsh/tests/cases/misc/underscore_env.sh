PATH=/bin
sh -c 'echo "$_"'
x=1 env | grep '^_='
echo "[$_]"
