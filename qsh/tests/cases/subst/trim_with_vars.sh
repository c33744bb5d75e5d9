path=/usr/local/bin/tool
ext=tool
echo ${path##*/} ${path%/*} ${path%$ext} ${path#"/usr"}
