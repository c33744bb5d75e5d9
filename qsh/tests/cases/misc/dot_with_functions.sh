cd "$TMPDIR"
printf 'lib_f() { echo "lib says $1"; }\n' > lib.sh
. ./lib.sh
lib_f hi
