typeset -i n
n='1+'
echo not reached
