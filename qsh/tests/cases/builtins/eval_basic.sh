x='echo evaluated'
eval $x
eval 'y=1; echo $y'
eval "echo a" "b" 'c'
eval
echo status $?
