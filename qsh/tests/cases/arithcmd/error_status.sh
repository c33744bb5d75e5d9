(( 1 + ))
echo status $?
