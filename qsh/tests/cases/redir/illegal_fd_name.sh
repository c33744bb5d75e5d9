echo x >&foo
echo status $?
