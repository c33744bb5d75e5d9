s=abcdef
echo ${s:1} ${s:1:2} ${s:0:0}x ${s:5:10} ${s:6}.
