x=dir/sub/file.tar.gz
echo ${x%.*} ${x%%.*} ${x%/*} ${x%%/*} ${x%nomatch}
