echo a\ b \$x \\ \' \" x\
y
echo \a\b\c
