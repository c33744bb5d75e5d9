cd /
pwd
cd /dev
echo $PWD $OLDPWD
cd -
