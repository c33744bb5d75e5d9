./nosuch_relative
/nonexistent/abs/cmd
echo "status $?"
