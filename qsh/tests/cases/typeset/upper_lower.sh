typeset -u up=hello
typeset -l lo=WORLD
echo $up $lo
up=again
echo $up
