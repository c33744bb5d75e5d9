echo before
return 4
echo never
