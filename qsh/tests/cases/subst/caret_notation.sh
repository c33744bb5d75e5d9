x=$'a\tb^c'
echo ${x@^}
