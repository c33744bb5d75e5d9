cd "$TMPDIR"
printf 'l1\nl2\n' > in
exec 4< in
read a <&4
read b <&4
echo "$a $b"
exec 4<&-
