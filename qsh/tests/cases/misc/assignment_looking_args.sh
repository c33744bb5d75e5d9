echo a=b c=d
x=1 y=2 echo "args $x"
