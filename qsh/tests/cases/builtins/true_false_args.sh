true --help; echo $?
false --version; echo $?
