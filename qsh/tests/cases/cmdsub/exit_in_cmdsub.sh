x=$(echo before; exit 2; echo after)
echo "[$x] $?"
