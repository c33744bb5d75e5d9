typeset -Z4 -i zi=7
echo $zi
zi=123
echo $zi
