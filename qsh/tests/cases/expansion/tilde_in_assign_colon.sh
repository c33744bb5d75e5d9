HOME=/H
PATHX=~/bin:~/sbin:/usr
echo $PATHX
export EX=a:~
echo $EX
