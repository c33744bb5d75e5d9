f() ( x=inner; echo $x )
x=outer
f
echo $x
