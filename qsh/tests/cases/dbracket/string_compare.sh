[[ abc = abc ]] && echo eq
[[ abc != abd ]] && echo ne
[[ abc == ab* ]] && echo pattern
[[ abc = "ab*" ]] || echo quoted-literal
[[ a < b ]] && echo lt
[[ b > a ]] && echo gt
