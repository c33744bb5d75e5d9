set -o noclobber
echo x > /dev/null
echo ok
