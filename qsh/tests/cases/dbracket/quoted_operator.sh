[[ "-n" ]] && echo operator-as-string
x='-z'
[[ $x ]] && echo var-operator
