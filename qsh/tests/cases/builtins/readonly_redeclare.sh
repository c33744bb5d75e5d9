readonly x=1
readonly x=2
echo not reached
