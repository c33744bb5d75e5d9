x=abc
echo ${x:1:2:3}
