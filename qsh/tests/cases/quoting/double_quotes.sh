x=val
echo "a  b" "$x" "\$x" "\`" "\"" "\\" "\a" "${x}s"
echo "it's" "multi
line"
