echo "$PATHSEP"
