echo 'a b  c' 'x"y' '$HOME' '`echo no`' 'back\slash'
echo ''x''
