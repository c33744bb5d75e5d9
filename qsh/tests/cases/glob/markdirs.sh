cd "$TMPDIR"
mkdir dd
touch ff
set -X
echo *
