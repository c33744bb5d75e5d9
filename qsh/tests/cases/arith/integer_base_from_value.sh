typeset -i v=2#110
echo $v
v=7
echo $v
