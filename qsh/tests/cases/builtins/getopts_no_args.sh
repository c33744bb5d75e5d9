getopts
echo status $?
