cd "$TMPDIR"
printf 'fromfd\n' > f
read -u3 x 3<f
echo "[$x]"
