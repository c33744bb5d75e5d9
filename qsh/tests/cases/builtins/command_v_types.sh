f() { :; }
alias al='echo x'
command -v f al if
command -v nosuch_cmd_zz; echo $?
