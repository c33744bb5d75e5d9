x='1 2'
y='3 4'
set -- a${x}b${y}c
echo $#: $*
