cd "$TMPDIR"
while read x; do echo $x; done <<EOF > out
1
2
EOF
cat out
