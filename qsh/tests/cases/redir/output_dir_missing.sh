echo x > /nonexistent/dir/file
echo status $?
