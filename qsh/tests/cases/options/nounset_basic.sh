set -u
x=1
echo $x
echo $undefined
echo never
