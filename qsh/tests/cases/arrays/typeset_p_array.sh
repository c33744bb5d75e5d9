set -A arr x 'y z'
typeset -p arr
