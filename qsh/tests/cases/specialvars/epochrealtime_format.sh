case $EPOCHREALTIME in [0-9]*.[0-9][0-9][0-9][0-9][0-9][0-9]) echo ok;; esac
