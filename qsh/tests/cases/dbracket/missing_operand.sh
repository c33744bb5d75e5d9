[[ -f ]]
echo not reached
