set -x
x=1
echo "a b" $x
y=$(echo sub)
set +x
echo quiet
