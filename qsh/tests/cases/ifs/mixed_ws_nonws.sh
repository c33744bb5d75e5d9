IFS=' :'
x=' A : B::D '
set -- $x
echo $#
for w in "$@"; do echo "[$w]"; done
