x=$'a\nb'
echo ${x@Q}
y="it's"$'\t'
echo ${y@Q}
typeset -p x y
