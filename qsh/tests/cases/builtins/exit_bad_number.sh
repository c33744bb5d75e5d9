exit abc
echo not reached
