true | false | (exit 3)
echo ${PIPESTATUS[@]} ${#PIPESTATUS[@]}
false
echo ${PIPESTATUS[0]}
