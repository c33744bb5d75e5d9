cd "$TMPDIR"
touch x1 xa xA x_ 'x '
echo x[[:digit:]] x[[:lower:]] x[[:alpha:]] x[[:alnum:]_]
