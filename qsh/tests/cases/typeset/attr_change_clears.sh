typeset -u v=abc
typeset -l v
echo $v
v=XYZ
echo $v
