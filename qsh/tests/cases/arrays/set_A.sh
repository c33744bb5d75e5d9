set -A arr one two three
echo ${arr[0]} ${arr[2]} ${#arr[@]}
echo "${arr[@]}"
