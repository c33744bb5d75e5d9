cd "$TMPDIR"
touch x xy xyy
echo x?(y)
