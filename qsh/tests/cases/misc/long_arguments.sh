x=$(i=0; while [ $i -lt 1000 ]; do printf 'abcdefghij'; i=$((i+1)); done)
set -- $x $x
echo ${#1} $#
