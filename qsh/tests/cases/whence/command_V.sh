command -V echo
command -V for
alias q=x
command -V q
