printf 'a\\b c\\\n' | { read -r x y; echo "[$x] [$y]"; }
