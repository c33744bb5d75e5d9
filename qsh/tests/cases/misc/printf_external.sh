printf '%s|%s\n' a b c
printf 'no newline'
echo
