[ "$BASHPID" = "$$" ] && echo main-equal
b=$(echo $BASHPID)
[ "$b" != "$$" ] && echo sub-differs
