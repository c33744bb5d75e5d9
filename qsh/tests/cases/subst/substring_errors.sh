s=abc
echo ${s:}
