. /nonexistent/file.sh
echo not reached
