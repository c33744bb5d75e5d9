print -l one two three
print -N a b | od -An -c | tr -s ' '
