typeset -i -x a=1
typeset -u b=x
typeset -L3 c=xyz
x='a b'
typeset -p a b c x
