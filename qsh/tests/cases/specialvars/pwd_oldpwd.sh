cd /
cd /usr
echo $PWD $OLDPWD
