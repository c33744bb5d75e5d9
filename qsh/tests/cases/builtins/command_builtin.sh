command echo via command
command -v echo
f() { echo func; }
command f 2>/dev/null || echo "no function via command: $?"
