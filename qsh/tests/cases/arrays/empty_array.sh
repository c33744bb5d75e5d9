a=()
echo "${#a[@]}" "[${a[@]}]"
for x in "${a[@]}"; do echo never; done
echo done
