s=$SECONDS
[ $s -ge 0 ] && echo nonneg
SECONDS=100
[ $SECONDS -ge 100 ] && [ $SECONDS -lt 105 ] && echo assigned
