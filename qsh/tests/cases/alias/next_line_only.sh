alias x='echo aliased'; x
x
