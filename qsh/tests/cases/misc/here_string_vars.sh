v='a b'
read x y <<< "$v"
echo "$y$x"
tr ' ' - <<<$v
