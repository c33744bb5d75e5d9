:; echo $?
: args ignored; echo $?
true; echo $?
false; echo $?
