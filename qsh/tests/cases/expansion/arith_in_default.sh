unset u
echo ${u:-$((2+3))} $((${#HOME}>=0))
