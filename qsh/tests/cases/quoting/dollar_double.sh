x=1
echo $"plain $x"
