let 'a = 1 +'
echo status $?
let
echo status $?
