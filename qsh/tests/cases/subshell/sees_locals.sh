f() { typeset loc=local_val; (echo "sub sees $loc"); }
f
