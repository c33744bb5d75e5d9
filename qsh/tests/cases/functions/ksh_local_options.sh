function k { set -e; false; echo not reached; }
k
echo still running
