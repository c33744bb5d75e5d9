alias run='echo run: ' arg='EXPANDED'
run arg
alias norun='echo nr:'
norun arg
