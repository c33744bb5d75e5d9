# ~/.profile of user (read-only: the home directory is in the boot archive).
alias ll='ls -l'
