x=${ echo funsub; }
echo "[$x]"
v=1
y=${ v=2; echo $v; }
echo "$y v=$v"
