[[ 10 -gt 9 ]] && echo gt
[[ 010 -eq 10 ]] && echo decimal
[[ 1+1 -eq 2 ]] && echo arith
x=5
[[ x -lt 6 ]] && echo var
[[ 10 < 9 ]] && echo stringwise
