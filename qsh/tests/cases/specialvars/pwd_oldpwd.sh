cd /
cd /dev
echo $PWD $OLDPWD
