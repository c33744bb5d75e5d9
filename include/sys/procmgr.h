/*
 * sys/procmgr.h - QNX process-manager calls available on QSOE:
 * procmgr_daemon() (flag values are QNX's).
 */
#ifndef _SYS_PROCMGR_H
#define _SYS_PROCMGR_H

#include <sys/cdefs.h>

__BEGIN_DECLS

#define PROCMGR_DAEMON_NOCHDIR   0x00000001 /* keep the current directory */
#define PROCMGR_DAEMON_NOCLOSE   0x00000002 /* keep descriptors 3 and up */
#define PROCMGR_DAEMON_NODEVNULL 0x00000004 /* keep descriptors 0, 1, 2 */
#define PROCMGR_DAEMON_KEEPUMASK 0x00000008 /* keep the umask */

/*
 * Detaches the caller from its parent's start-up: a parent that spawned
 * it with POSIX_SPAWN_HOLD gets status as the spawn result. Returns the
 * session id, or -1 with errno.
 */
int procmgr_daemon(int status, unsigned flags);

__END_DECLS

#endif /* _SYS_PROCMGR_H */
