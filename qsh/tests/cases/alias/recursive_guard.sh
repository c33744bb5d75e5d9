alias ls='ls -d'
alias e1=e2 e2=e1
ls / >/dev/null && echo guard-ok
e1 2>/dev/null; echo "status $?"
