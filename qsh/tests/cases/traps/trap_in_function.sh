f() { trap 'echo fexit' EXIT; echo in f; }
f
echo after f
