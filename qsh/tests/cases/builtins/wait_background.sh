(exit 3) &
wait $!
echo "waited $?"
sleep 0.1 &
wait
echo all $?
