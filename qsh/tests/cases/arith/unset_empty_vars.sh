unset u
e=
echo $((u+1)) $((e*5)) $(( u ))
