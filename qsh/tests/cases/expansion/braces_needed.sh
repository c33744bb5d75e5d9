v=val
echo $vx ${v}x "$v"x
