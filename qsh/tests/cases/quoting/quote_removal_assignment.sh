x='a  b'
y=$x
z="$x"
echo "$y|$z"
