x="it's a test"
echo ${x@Q}
y=plain
echo ${y@Q}
z=''
echo ${z@Q}
