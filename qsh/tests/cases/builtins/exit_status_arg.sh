(exit 3); echo $?
(exit 256); echo $?
(exit); echo $?
false; (exit); echo $?
