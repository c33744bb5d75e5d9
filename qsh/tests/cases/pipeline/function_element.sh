up() { tr a-z A-Z; }
echo text | up | cat
