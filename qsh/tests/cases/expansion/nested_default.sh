unset a b
c=deep
echo ${a:-${b:-$c}} "${a:-"${b:-x y}"}"
