echo visible
echo hidden >&-
echo $?
