! false | false; echo $?
! true | true; echo $?
