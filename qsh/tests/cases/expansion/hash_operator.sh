x=abc
echo ${x@#} | wc -c
