print -u7 nowhere
echo status $?
