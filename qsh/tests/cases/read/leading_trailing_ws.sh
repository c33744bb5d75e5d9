printf '   lead  trail   \n' | { read x; echo "[$x]"; }
printf '   lead  trail   \n' | { read x y; echo "[$x] [$y]"; }
