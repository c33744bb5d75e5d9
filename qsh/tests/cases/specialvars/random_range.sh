ok=1
i=0
while [ $i -lt 50 ]; do
  r=$RANDOM
  if [ $r -lt 0 ] || [ $r -gt 32767 ]; then ok=0; fi
  i=$((i+1))
done
echo $ok
