echo $((2147483647+1)) $((-2147483648-1)) $((65536*65536)) $((4294967296)) $((99999999999))
# mksh and POSIX disagree: POSIX arithmetic uses signed long; mksh uses 32-bit integers with defined wrap-around (mksh is followed)
