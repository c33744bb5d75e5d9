v=4
let "w = $v + 1"
echo $w
