cd /
(cd /usr; pwd)
pwd
