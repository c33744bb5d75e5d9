alias t='echo t'
unalias t
t 2>/dev/null || echo gone
unalias t
echo "status $?"
