f() { typeset v=f; g; echo "f after g: $v"; }
g() { v=changed_by_g; }
v=global
f
echo $v
