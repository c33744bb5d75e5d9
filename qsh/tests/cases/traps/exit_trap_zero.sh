trap 'echo zero' 0
echo body
