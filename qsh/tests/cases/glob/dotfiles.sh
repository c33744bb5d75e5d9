cd "$TMPDIR"
touch .a .b c
echo * .* 
echo .[ab]
