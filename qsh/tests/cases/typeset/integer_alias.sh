integer cnt=10
cnt=cnt+1
echo $cnt
