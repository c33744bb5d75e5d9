set -n
echo fine
if then
