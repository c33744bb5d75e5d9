umask 022
umask
umask -S
umask 0077
umask
umask g+rx
umask
umask u=rwx,g=,o=
umask -S
