cd "$TMPDIR"
touch foo bar baz qux
echo @(foo|bar) @(ba?) 
