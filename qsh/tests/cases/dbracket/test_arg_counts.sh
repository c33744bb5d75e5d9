test; echo $?
test x; echo $?
test ''; echo $?
test !; echo $?
test -n; echo $?
test ! x; echo $?
test a = a; echo $?
test ! a = a; echo $?
