let a=1 b=a+1 c=b*3
echo $a $b $c
let 'd = c > 5 ? 100 : 0'
echo $d
