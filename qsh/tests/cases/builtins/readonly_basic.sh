readonly ro=fixed
echo $ro
ro=changed
echo not reached
