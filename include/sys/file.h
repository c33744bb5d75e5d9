/*
 * sys/file.h - BSD flock(): advisory locks on a whole file. QSOE builds
 * them on fcntl record locks (F_SETLK over the whole file), so unlike BSD
 * the lock belongs to the process, not to the open file description:
 * closing any descriptor of the file releases it, and a process can
 * convert its own lock between shared and exclusive. Two processes
 * exclude each other as BSD's do.
 */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <sys/cdefs.h>
#include <fcntl.h>

__BEGIN_DECLS

#define LOCK_SH 1 /* shared lock */
#define LOCK_EX 2 /* exclusive lock */
#define LOCK_NB 4 /* do not wait */
#define LOCK_UN 8 /* unlock */

int flock(int fd, int op);

__END_DECLS

#endif /* _SYS_FILE_H */
