echo 'a\tb\nc'
echo 'stop\cnever'
echo '\0101\x41\101'
echo 'back\\slash' '\q'
# mksh and POSIX disagree: POSIX echo leaves backslashes implementation-defined; mksh echo interprets them and \c only suppresses the newline (mksh is followed)
