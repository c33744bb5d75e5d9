x=target
nameref r=x
nameref r=x
echo "[$r]"
r=changed
echo "[$x]"
typeset -n s=s
typeset -n p=q
typeset -n q=p
echo $p
