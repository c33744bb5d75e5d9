set -o nosuchoption
echo not reached
