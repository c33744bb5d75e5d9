x=1
echo ${!x}
typeset -n ref=x
echo ${!ref} $ref
