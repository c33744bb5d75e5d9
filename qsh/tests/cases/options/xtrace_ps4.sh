PS4='>> '
set -x
echo traced
