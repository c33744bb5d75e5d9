cd "$TMPDIR"
ls /nonexistent-dir 2> err >/dev/null
wc -l < err
