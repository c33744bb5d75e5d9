/*
 * daemon.c - BSD daemon() over QNX's procmgr_daemon(): QSOE cannot fork,
 * so the process itself becomes the daemon (a new session; its parent,
 * if it spawned it with POSIX_SPAWN_HOLD, is released).
 */
#include <errno.h>
#include <sys/procmgr.h>
#include <unistd.h>

/*
 * Detaches: a new session, the current directory "/" unless nochdir,
 * descriptors 0-2 on /dev/null unless noclose; other descriptors and the
 * umask are kept (as BSD does). Returns 0, or -1 with errno: EPERM when
 * no new session could be made (the caller leads a process group, or a
 * group with its pid still exists: without fork there is no child to
 * make it in).
 */
int daemon(int nochdir, int noclose)
{
	unsigned flags = PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_KEEPUMASK;

	if (nochdir)
		flags |= PROCMGR_DAEMON_NOCHDIR;
	if (noclose)
		flags |= PROCMGR_DAEMON_NODEVNULL;
	if (procmgr_daemon(0, flags) < 0)
		return -1;
	if (getsid(0) != getpid()) {
		/* no new session: a process group with our pid exists (POSIX setsid) */
		errno = EPERM;
		return -1;
	}
	return 0;
}
