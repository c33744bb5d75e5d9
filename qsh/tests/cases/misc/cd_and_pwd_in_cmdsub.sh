cd /dev
x=$(cd /; pwd)
echo "$x $(pwd)"
