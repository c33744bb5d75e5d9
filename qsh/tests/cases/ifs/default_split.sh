x='  a  b	c
d  '
set -- $x
echo $#: "$1" "$2" "$3" "$4"
