nosuch_x; echo $?
cd "$TMPDIR"; touch ne; chmod 644 ne; ./ne; echo $?
