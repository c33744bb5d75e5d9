[ 2 -lt 1+2 ] && echo arith
x=7
[ x -eq 7 ] && echo var
[ a -eq 0 ] && echo unset-is-zero
