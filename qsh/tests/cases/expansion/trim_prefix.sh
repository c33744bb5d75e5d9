x=aaabbb.tar.gz
echo ${x#a} ${x##a*b} ${x#*.} ${x##*.} ${x#zzz}
