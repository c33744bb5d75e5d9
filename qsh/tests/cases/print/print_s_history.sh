print -s 'history entry'
echo ok
