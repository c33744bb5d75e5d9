x='a b'
set -- "q"$x"r"
echo $#: "$1" "$2"
