echo 'a b' | { read 'bad-name' y; echo "status $? [$y]"; }
echo 'p q' | { read x[1] x[3]; echo ${!x[@]} ${x[@]}; }
