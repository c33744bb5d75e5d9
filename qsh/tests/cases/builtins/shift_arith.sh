set -- a b c
n=1
shift n+1
echo "$@"
