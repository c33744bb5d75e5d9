set -u
echo ${undefined_thing}
