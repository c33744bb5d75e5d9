x=mid
echo 'a'"$x"'b'\c"d"
echo pre"$x"post'${x}'
