case $KSH_VERSION in *MIRBSD\ KSH\ R59*) echo mksh-like;; esac
KSH_VERSION=x
echo not reached
