for i in 1; do
  nosuch1
  echo $LINENO
done
f() {
  nosuch2
  echo "f $LINENO"
}
f
if true; then
  echo ${zz?x}
fi
