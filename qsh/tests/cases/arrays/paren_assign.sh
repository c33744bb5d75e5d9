arr=(x "y z" w)
echo ${#arr[@]} "${arr[1]}"
arr+=(more)
echo ${arr[@]}
