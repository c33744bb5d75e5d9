set -- $(i=0; while [ $i -lt 3000 ]; do echo $i; i=$((i+1)); done)
echo $# ${3000} ${2999}
