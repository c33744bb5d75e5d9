# logical "cd": ".." removes the component before it, as text (/dev and
# the scratch directory exist on every system the corpus runs on)
cd /dev/../dev/./
pwd
cd "$TMPDIR" && mkdir -p top/bin top/lib
cd top/bin/../lib
echo "${PWD#"$TMPDIR"}"
cd ./.././bin
echo "${PWD#"$TMPDIR"}"
cd ./.././nothere 2>/dev/null || echo "cd failed: $?"
echo "${PWD#"$TMPDIR"}"
