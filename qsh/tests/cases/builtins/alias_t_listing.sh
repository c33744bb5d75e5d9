# PATH=/bin: the one directory of utilities every system here has
PATH=/bin
alias -t cat
alias -t
hash
