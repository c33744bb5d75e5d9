x=hello
y=${x#he}
echo $y
