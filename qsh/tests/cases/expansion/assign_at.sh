set -- p q r
x="$@"; echo "$x"
IFS=:
y=$*; echo "$y"
