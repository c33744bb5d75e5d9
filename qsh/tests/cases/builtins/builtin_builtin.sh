builtin echo via builtin
builtin nosuchbuiltin
echo not reached
# mksh and POSIX disagree: an unknown name after builtin is a fatal error in mksh (mksh is followed)
