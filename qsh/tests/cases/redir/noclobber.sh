cd "$TMPDIR"
echo 1 > f
set -C
echo 2 > f
echo status $?
echo 3 >| f
cat f
echo 4 >> f
cat f
