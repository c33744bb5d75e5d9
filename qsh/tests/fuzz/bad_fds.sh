exec 3>&-
exec 9<&-
echo >&8
cat <&7
exec 0<&-
read x
echo $?
