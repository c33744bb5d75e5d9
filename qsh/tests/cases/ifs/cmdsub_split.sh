set -- $(printf 'one two\nthree')
echo $#
