set -e
trap 'echo final $?' EXIT
false
echo never
