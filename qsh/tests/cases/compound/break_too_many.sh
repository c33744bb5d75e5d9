while true; do break 3; done
echo ok
