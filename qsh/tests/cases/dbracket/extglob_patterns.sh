[[ foo = @(foo|bar) ]] && echo at
[[ aaa = +(a) ]] && echo plus
[[ x = !(y) ]] && echo not
[[ '' = *(a) ]] && echo star-empty
