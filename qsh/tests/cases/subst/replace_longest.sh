x=aaaa
echo ${x/a*/X} ${x/a?/X} ${x//a?/X}
