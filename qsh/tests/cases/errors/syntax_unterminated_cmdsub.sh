x=$(echo
