command : > /nonexistent/x
echo reached $?
