e=
set -- $e "" $e x
echo $#
