cd "$TMPDIR"
printf 'echo "$0 $# $1 $2"\n' > s.sh
sh_path=$(command -v sh)
set -- a
echo "$#"
