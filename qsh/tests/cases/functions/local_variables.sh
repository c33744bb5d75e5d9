x=global
f() { typeset x=local; echo "f: $x"; g; }
g() { echo "g sees: $x"; }
f
echo "after: $x"
