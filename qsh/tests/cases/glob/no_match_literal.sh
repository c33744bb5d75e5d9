cd "$TMPDIR"
echo nomatch* "still*" q?
