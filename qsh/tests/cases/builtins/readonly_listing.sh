readonly a=1 b
readonly | grep -v '^[A-Z_]'
readonly -p | grep -v ' [A-Z_]'
