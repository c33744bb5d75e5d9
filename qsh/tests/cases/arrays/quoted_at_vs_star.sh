a=("a b" c)
for x in "${a[@]}"; do echo "at:[$x]"; done
for x in "${a[*]}"; do echo "star:[$x]"; done
for x in ${a[@]}; do echo "u:[$x]"; done
