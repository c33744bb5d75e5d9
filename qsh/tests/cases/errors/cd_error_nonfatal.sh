cd /nonexistent
echo continues $?
