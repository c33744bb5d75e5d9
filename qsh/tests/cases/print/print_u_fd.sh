print -u2 to stderr
print -u1 to stdout
