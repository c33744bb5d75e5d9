/*
 * paths.h - the paths of system files (BSD), as QSOE lays them out.
 */
#ifndef _PATHS_H
#define _PATHS_H

#define _PATH_BSHELL  "/bin/sh"
#define _PATH_CONSOLE "/dev/console"
#define _PATH_DEFPATH "/bin:/usr/bin"
#define _PATH_STDPATH "/bin:/usr/bin:/sbin:/usr/sbin"
#define _PATH_DEVNULL "/dev/null"
#define _PATH_TTY     "/dev/tty"
#define _PATH_TMP     "/tmp/"
#define _PATH_VARTMP  "/tmp/"
#define _PATH_PASSWD  "/etc/passwd"
#define _PATH_GROUP   "/etc/group"
#define _PATH_SHADOW  "/etc/shadow"
#define _PATH_SHELLS  "/etc/shells"
#define _PATH_DEV     "/dev/"
#define _PATH_URANDOM "/dev/urandom"

#endif /* _PATHS_H */
