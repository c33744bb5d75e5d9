set -- $(echo one two three)
echo $#
set -- "$(echo one two three)"
echo $#
