[[ -n a && -z "" ]] && echo and
[[ -z a || -n b ]] && echo or
[[ ! -z a ]] && echo not
[[ ( a = a || b = c ) && x = x ]] && echo grouped
