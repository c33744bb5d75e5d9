unset u
echo "[$u]" [${u}] "[${u}x]"
