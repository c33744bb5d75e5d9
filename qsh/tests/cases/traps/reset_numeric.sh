trap 'echo x' USR1
trap 1 USR1 2>/dev/null
trap
