f() { typeset v=inner; echo $v; }
v=outer
f
echo $v
