i=0
while (( i < 3 )); do (( i++ )); done
echo $i
if (( i == 3 )); then echo three; fi
