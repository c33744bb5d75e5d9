set -n
echo not printed
nosuchcommand
