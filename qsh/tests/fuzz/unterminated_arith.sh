echo $((
