set -k
echo a b=c d
