echo $((5 = 3))
