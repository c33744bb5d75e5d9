typeset -i n
n=3*4
echo $n
n='n+1'
echo $n
n+=5
echo $n
