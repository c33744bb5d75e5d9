[[ a
echo not reached
