printf 'a,b;c,d' | { read -d ';' x; echo "[$x]"; }
