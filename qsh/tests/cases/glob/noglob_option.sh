cd "$TMPDIR"
touch q1
set -f
echo q*
set +f
echo q*
