cd "$TMPDIR"
printf 'echo line1\nnosuch_in_dot\n' > e.sh
. ./e.sh
echo back
