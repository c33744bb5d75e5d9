x=hello-hello
echo ${x/l/L} ${x//l/L} ${x/hello/bye} ${x//hello/bye}
