cd "$TMPDIR"
echo c > from
rename from to
cat to
ls
