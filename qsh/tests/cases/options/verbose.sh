set -v
echo verbose line
x=1
set +v
echo quiet
