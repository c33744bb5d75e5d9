unset u
echo "${u:-"a b"}" "${u:-'c'}" ${u:-"d e"}
