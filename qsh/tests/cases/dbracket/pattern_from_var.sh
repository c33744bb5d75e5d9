p='f*r'
v=foobar
[[ $v = $p ]] && echo match
[[ $v = "$p" ]] || echo nomatch-quoted
