arr=(
  first   # comment
  second
)
echo ${arr[*]}
