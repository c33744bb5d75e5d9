eval 'if'
echo not reached
