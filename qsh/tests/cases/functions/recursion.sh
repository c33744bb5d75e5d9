fact() {
  if [ $1 -le 1 ]; then echo 1; return; fi
  typeset n=$1 r
  r=$(fact $((n-1)))
  echo $((n * r))
}
fact 6
