cd "$TMPDIR"
echo 'echo "dot sees $# $1"' > p.sh
set -- main1 main2
. ./p.sh
. ./p.sh other
echo "after $1"
