x=1
(x=2; y=3; echo "in: $x $y")
echo "out: $x [${y-unset}]"
