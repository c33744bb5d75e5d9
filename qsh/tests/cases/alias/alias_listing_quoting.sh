unalias -a
alias s='a b' p=plain q="it's"
alias
