cat |&
exec 4<&p
print -p line
read -u4 got
echo "got=$got"
exec 5>&p; exec 5>&-
wait; echo waited
