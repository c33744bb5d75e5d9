x=$(echo ${u?in-cmdsub})
echo "status $? [$x]"
