trap 'echo t; exit 9' EXIT
exit 2
