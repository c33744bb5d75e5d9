exit 1 2
