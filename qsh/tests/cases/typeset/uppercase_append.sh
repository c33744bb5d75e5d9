typeset -u s=ab
s+=cd
echo $s
