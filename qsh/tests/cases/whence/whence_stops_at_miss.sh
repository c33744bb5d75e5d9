whence echo nosuch_qq print
echo "status $?"
whence -v nosuch_qq print
echo "status $?"
