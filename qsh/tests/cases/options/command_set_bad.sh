command set -o bogus
echo "status $?"
