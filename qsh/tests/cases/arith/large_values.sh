echo $((2147483647)) $((-2147483647-1)) $((0x7fffffff+0x7fffffff))
# mksh and POSIX disagree: mksh arithmetic is exactly 32 bits wide (mksh is followed)
