echo 'x y z' | { read -A arr; echo ${#arr[@]} "${arr[2]}"; }
