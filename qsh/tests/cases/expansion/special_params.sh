set -- x y
echo $# "$*" "$@" $?
false
echo $?
echo ${#-} $-
