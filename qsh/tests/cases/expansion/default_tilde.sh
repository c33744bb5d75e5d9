HOME=/h
unset u
echo ${u:-~} ${u:-~/sub} "${u:-~}"
