cd /usr/bin/..
realpath lib/../bin
realpath /usr//bin/
