typeset -y v
echo not reached
