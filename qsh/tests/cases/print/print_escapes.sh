print 'a\tb' '\e[0m' | od -An -c | tr -s ' '
print '\u263a' | od -An -tx1 | tr -s ' '
