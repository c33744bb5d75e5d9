cd /usr/bin/../lib
pwd
cd ./.././usr
pwd
