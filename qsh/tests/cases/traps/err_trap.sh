trap 'echo "ERR at status $?"' ERR
false
true
(exit 4)
echo end
