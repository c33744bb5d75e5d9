trap 'echo parent exit' EXIT
(echo in subshell)
echo main
