set -- ab ac
echo ${@#a}
# mksh and POSIX disagree: trimming $@ element-wise is a bash/ksh93 feature; mksh rejects it (mksh is followed)
