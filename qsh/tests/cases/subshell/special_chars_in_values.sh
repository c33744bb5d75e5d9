x=$'tab\there\nnewline'
y='quote'"'"'s and "dq" \back'
(printf '%s|%s\n' "$x" "$y")
