set +o braceexpand
echo {a,b}
