printf 'no newline' | { read x; echo "$? [$x]"; }
printf '' | { read x; echo "$? [$x]"; }
