typeset -r c=const
echo $c
c=x
echo never
