set -- a b
for w in ${1+"$@"}; do echo "[$w]"; done
