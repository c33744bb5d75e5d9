{ echo a; echo b; } | cat
x=1; { x=2; }; echo $x
