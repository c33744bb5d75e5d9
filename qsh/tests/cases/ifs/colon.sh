IFS=:
x='a:b::c:'
set -- $x
echo $#
for w in "$@"; do echo "[$w]"; done
