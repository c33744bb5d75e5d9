f() { :; }
alias al='echo hi'
whence -v f al if echo times
whence -v nosuchcmd_xyz; echo status $?
