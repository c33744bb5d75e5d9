cd "$TMPDIR"
printf '1\n2\n3\n' > nums
while read n; do echo "n=$n"; done < nums
