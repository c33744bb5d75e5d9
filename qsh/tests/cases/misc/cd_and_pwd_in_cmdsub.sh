cd /usr
x=$(cd /; pwd)
echo "$x $(pwd)"
