for i in $(seq 1 3); do (echo $i | (read x; echo $x | cat)) & done; wait
