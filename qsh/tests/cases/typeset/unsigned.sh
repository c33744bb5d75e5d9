typeset -U -i u=-1
echo $u
