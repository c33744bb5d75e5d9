unset u
set -- ${u:-one two three}
echo $#
set -- "${u:-one two three}"
echo $#
