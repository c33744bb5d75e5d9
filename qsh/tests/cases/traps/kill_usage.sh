kill -9
echo $?
