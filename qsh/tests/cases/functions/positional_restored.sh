set -- outer1 outer2
f() { echo "in: $1 $#"; set -- changed; echo "set: $1"; }
f inner
echo "out: $1 $#"
