echo *(*(*(*(*(*(*(*(*(*( x
echo y
