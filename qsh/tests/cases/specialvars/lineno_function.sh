f() {
echo $LINENO
}
f
echo $LINENO
