cat |&
print -p hello coproc
read -p line
echo "got: $line"
exec 3>&p
exec 3>&-
wait
echo done
