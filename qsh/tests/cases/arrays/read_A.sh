echo 'w1 w2 w3' | { read -A words; echo ${#words[@]} ${words[1]}; }
