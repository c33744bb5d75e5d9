x=target_value
nameref r=x
echo $r
r=changed
echo $x
