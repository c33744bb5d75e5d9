echo x | nosuch_cmd_q | cat
echo status $?
