sleep 0 &
p=$!
[ -n "$p" ] && [ "$p" -gt 0 ] && echo set
wait
