cd "$TMPDIR"
mkdir -p p/a p/b
touch p/a/x p/b/x p/b/y
echo p/?/x p/*/y
