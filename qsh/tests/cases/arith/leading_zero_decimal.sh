echo $((010)) $((08)) $((0009+1))
# mksh and POSIX disagree: POSIX reads a leading 0 as octal; mksh reads it as decimal outside posix mode (mksh is followed)
