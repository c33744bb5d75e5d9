v=visible
f() { echo fn; }
echo $(echo $v; f)
