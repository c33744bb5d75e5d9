readonly r=1
f() { r=3; echo in f; }
f
echo not reached
# mksh and POSIX disagree: POSIX says the error exits a non-interactive shell; mksh only ends the function (mksh is followed)
