IFS=:
x=a:b
echo literal:a:b $x "$x"
