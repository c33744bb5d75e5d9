break
echo after
