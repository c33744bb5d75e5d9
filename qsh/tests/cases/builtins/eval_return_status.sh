eval 'false'
echo $?
eval '(exit 7)'
echo $?
