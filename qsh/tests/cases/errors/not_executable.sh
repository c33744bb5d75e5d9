cd "$TMPDIR"
echo 'echo hi' > noexec
chmod -x noexec
./noexec
echo "status $?"
