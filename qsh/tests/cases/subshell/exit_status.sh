(exit 42); echo $?
(false); echo $?
(true); echo $?
