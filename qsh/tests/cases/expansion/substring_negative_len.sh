s=hello
echo ${s:1:-2} ${s:0:-9}
