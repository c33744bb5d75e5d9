RANDOM=42; a=$RANDOM$RANDOM
RANDOM=42; b=$RANDOM$RANDOM
[ "$a" = "$b" ] && echo repeatable
# mksh and POSIX disagree: assigning RANDOM does not make mksh's sequence reproducible (mksh is followed)
