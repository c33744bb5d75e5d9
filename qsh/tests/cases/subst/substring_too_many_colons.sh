s=abc
echo ${s:1:1:1}
