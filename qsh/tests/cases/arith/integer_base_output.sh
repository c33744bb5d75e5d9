typeset -i16 h=255
typeset -i2 b=10
typeset -i8 o=64
echo $h $b $o
h=16
echo $h
