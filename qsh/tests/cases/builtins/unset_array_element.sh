set -A arr a b c
unset arr[1]
echo ${#arr[@]} ${arr[*]}
unset arr
echo ${#arr[@]}
