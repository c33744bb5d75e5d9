echo $-
set -e
echo $-
set -u -f
echo $-
set +euf
echo $-
