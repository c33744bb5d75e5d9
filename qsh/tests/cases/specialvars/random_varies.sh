a=$RANDOM b=$RANDOM c=$RANDOM d=$RANDOM
[ "$a$b" != "$c$d" ] && echo varies
