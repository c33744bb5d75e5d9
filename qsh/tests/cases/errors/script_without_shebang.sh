cd "$TMPDIR"
echo 'echo "ran with $# args: $1"' > plain
chmod +x plain
./plain arg1
