n=0
for i in 1 2 3 4; do (( n += i )); done
echo $n
