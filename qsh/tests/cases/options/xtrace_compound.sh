set -x
for i in 1; do echo $i; done
if true; then :; fi
[[ a = a ]]
(( 1 + 1 ))
