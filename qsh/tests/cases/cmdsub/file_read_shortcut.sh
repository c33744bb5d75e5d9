cd "$TMPDIR"
printf 'content\nline2\n' > f
x=$(<f)
echo "$x"
y=$(< nonexistent_file)
echo "status $? [$y]"
