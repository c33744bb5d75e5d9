echo '  spaced  ' | { read; echo "[$REPLY]"; }
