wait 999999
echo $?
