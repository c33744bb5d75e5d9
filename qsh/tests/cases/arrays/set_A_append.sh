set -A arr a b
set -A arr+ c d
echo ${arr[@]} ${#arr[*]}
