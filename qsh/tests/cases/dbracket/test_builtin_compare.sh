[ a = a ] && echo eq
[ a = b ] || echo ne
test 3 -lt 4 && echo lt
[ -n "" ] || echo empty
[ ! -z x ] && echo not
[ a = a -a b = b ] && echo and
[ a = b -o b = b ] && echo or
[ \( a = a \) ] && echo paren
