HOME=/home/u
OLDPWD=/old
cd /tmp
cd /
echo ~ ~/a ~+ ~- ~nosuchuser123
x=~/p:~/q
echo $x
echo a=~ "b=~"
# mksh and POSIX disagree: POSIX expands ~ after = only in assignments; mksh does so in every word (mksh is followed)
