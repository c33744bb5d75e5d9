set -A arr a b c d
set +A arr X Y
echo ${arr[@]}
