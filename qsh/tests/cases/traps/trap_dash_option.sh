trap -p
echo not reached
