alias one=1 two='a b'
alias one two
alias -p one
