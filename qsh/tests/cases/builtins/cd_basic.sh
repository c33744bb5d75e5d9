cd /
pwd
cd /usr
echo $PWD $OLDPWD
cd -
