cd "$TMPDIR"
echo 'echo sourced' > s.sh
source s.sh
