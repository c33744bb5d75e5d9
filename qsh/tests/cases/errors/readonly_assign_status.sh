readonly r=1
r=2
