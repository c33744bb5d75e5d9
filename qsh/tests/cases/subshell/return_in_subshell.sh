f() { (return 3); echo "after sub $?"; return 4; }
f; echo $?
