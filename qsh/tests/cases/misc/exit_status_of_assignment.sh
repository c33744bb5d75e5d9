x=$(false) y=1
echo $?
x=1
echo $?
