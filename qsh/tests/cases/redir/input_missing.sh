cat < /nonexistent/file
echo status $?
