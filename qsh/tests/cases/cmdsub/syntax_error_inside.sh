echo start
x=$(if)
echo never
