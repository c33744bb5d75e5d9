unset u
x="${u-not set}"
echo "$x"
