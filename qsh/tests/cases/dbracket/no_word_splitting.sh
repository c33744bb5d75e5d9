v='a b'
[[ $v = 'a b' ]] && echo nosplit
e=
[[ -z $e ]] && echo empty-ok
