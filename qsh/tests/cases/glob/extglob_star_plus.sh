cd "$TMPDIR"
touch a aa aaa ab abab
echo *(a) +(ab) a*(b)
