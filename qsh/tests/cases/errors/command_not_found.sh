nosuch_command_abc
echo "status $?"
