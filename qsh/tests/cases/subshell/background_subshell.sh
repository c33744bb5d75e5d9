(echo bg-sub) &
wait
echo waited
