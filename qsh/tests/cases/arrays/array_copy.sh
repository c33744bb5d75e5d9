a=(p q r)
set -A b "${a[@]}"
echo ${b[@]} ${#b[@]}
