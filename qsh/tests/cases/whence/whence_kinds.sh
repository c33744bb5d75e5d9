f() { :; }
alias al='echo hi'
whence f al if echo
whence nosuchcmd_xyz; echo status $?
