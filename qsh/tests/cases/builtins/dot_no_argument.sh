.
echo not reached
