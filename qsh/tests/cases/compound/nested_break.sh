for i in 1 2; do
  for j in a b c; do
    [ $j = b ] && continue 2
    [ $i = 2 ] && break 2
    echo $i$j
  done
done
echo out
