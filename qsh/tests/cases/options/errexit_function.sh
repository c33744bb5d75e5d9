set -e
f() { false; echo in f after false; }
f || echo f failed
echo after
