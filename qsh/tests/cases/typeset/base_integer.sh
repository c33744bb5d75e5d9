typeset -i16 h=255
echo $h
typeset -i8 h
echo $h
typeset -p h
