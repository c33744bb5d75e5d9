echo "$IFS" | od -An -c | tr -s ' '
