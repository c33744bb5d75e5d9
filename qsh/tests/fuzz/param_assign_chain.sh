: ${x:=${y:=${z:=deep}}}
echo $x$y$z
set -u
echo ${nope:-ok} ${#}
