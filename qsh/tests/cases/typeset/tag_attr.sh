typeset -t tg=v
typeset -p tg
