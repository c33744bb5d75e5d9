cd "$TMPDIR"
> empty echo text
cat empty
