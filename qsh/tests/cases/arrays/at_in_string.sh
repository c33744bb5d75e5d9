a=(1 2)
echo "x${a[@]}y"
s="${a[*]}"
echo "$s"
