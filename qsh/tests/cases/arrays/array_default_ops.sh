unset a
echo "${a[@]:-empty}" "${a[0]-none}"
a=(v)
echo "${a[@]:+has}"
