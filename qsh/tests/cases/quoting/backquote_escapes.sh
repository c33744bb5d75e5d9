x=1
echo `echo \$x` "`echo \"q\"`" `echo a\\\\b`
