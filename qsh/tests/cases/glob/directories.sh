cd "$TMPDIR"
mkdir -p d1/sub d2
touch d1/f d2/g d1/sub/h
echo */ d*/* */*/*
