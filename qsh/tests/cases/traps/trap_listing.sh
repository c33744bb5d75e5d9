trap 'echo a' EXIT
trap 'echo b' INT TERM
trap '' QUIT
trap
