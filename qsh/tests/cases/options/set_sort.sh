set -s c a b
echo "$@"
