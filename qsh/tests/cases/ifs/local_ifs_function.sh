f() { typeset IFS=:; set -- $1; echo $#; }
f a:b:c
x='p q'
set -- $x
echo $#
