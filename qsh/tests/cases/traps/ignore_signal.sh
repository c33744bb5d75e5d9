trap '' USR2
kill -USR2 $$
echo survived
