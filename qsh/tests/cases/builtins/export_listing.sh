unset TMPDIR
unset HOME SHELL
export A=1 B
export
export -p
