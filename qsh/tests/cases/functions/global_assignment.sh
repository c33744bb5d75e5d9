f() { y=set_in_f; }
f
echo $y
