trap 'echo multi' USR1 USR2
kill -USR2 $$
kill -USR1 $$
echo end
