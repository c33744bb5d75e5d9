false
(echo "sub sees $?")
