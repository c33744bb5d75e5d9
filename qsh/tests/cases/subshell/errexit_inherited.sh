set -e
(false; echo not reached)
echo also not reached
