a.b() { echo dotted; }
a.b
my-func() { echo dashed; }
my-func
