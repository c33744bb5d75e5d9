typeset -x e1=1
typeset -i i1=2
typeset +x | grep -v '^[A-Z_]'
typeset -i | grep -v '^[A-Z_]'
