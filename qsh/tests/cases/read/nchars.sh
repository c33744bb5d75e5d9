printf 'abcdef' | { read -n 2 x; read -N 3 y; echo "[$x] [$y]"; }
