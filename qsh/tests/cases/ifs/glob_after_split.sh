cd "$TMPDIR"
touch f1 f2
x='f* g*'
set -- $x
echo $#: $*
