alias greet='echo hi'
x=1 greet there
