let x=5 y=x*2
echo $x $y
let 0; echo $?
let 1; echo $?
let 'z = 1 + 1'; echo $z
