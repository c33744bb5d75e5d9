kill -l 15
kill -l 137
kill -l 2
