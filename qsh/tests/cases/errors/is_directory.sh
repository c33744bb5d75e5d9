cd "$TMPDIR"
mkdir dir
./dir
echo "status $?"
