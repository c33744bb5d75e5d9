cd "$TMPDIR"
touch gx
[[ g* = g* ]] && echo literal-lhs
