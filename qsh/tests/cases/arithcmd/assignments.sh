(( x = 3, y = x * 2 ))
echo $x $y
(( x++ ))
echo $x
