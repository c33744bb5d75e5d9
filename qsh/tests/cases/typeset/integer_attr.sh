typeset -i n=5+5
echo $n
n=n*2
echo $n
typeset -p n
