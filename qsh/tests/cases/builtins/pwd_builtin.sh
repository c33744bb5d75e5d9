cd /tmp
pwd
pwd -L
pwd -P
