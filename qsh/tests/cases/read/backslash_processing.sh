printf 'a\\ b c\n' | { read x y; echo "[$x] [$y]"; }
printf 'line\\\ncont\n' | { read x; echo "[$x]"; }
