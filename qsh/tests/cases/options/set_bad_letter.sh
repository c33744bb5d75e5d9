set -Q
echo not reached
