x=hello; e=
echo ${#x} ${#e} ${#nosuch}
set -- a bb ccc
echo ${#} ${#1} ${#3} ${#@} ${#*}
