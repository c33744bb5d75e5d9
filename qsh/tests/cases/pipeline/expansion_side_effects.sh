x=0
echo $((x=5)) | cat
echo "x=$x"
: ${y:=set} | cat
echo "y=[$y]"
