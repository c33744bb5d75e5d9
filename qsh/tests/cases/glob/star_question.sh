cd "$TMPDIR"
touch abc abd xyz a ab .hidden
echo a* ?b? ??? *z
