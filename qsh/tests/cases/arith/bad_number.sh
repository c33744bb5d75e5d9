echo $((1a))
