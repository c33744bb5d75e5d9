echo -n no-newline; echo
echo -e 'tab\tx'
echo -E 'raw\tx'
echo -n -e 'a\nb'; echo
echo -x -- text
