printf 'zz\n' | { select x in a b; do echo "x=[$x] r=$REPLY"; done; echo end $?; }
