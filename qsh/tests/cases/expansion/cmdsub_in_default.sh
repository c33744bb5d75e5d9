unset u
echo ${u:-$(echo from cmd)}
