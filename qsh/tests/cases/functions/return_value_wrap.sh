f() { return 258; }
f; echo $?
