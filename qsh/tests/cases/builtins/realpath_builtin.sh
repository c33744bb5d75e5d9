# (the scratch directory is a physical path on every system the corpus runs on)
cd "$TMPDIR" && mkdir -p top/bin top/lib && cd top/bin/..
x=$(realpath lib/../bin)
echo "${x#"$TMPDIR"}"
x=$(realpath "$TMPDIR/top//bin/")
echo "${x#"$TMPDIR"}"
realpath /dev//./
