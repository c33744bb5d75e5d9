until do echo body; done
echo after
# mksh and POSIX disagree: POSIX requires a non-empty compound list; mksh accepts an empty one (mksh is followed)
