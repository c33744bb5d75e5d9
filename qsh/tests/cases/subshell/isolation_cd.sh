cd /
(cd /dev; pwd)
pwd
