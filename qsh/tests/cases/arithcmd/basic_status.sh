(( 1 )); echo $?
(( 0 )); echo $?
(( 5 > 3 )); echo $?
(( -1 )); echo $?
