set -- 1 2 3
for w in "x$@y"; do echo "[$w]"; done
set --
for w in "x$@y"; do echo "[$w]"; done
