alias -t cat
alias -t
hash
