/*
 * pgrp.c - process groups and sessions (setpgid, getpgid, getpgrp,
 * setpgrp, setsid, getsid), kill/killpg (SignalKill; TM_KILL for -1) and
 * procmgr_daemon (TM_DAEMON): requests to taskman, which applies POSIX's
 * rules.
 */
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/procmgr.h>
#include <unistd.h>
#include "qsoe_os.h"

/* One process-group request; returns the reply status or -1 with errno. */
static long pg_req(unsigned type, pid_t pid, pid_t pgid)
{
	struct tm_pgid m;

	memset(&m, 0, sizeof(m));
	m.hdr.type = (uint16_t)type;
	m.hdr.size = sizeof(m);
	m.pid = pid;
	m.pgid = pgid;
	return __qsoe_ret(__qsoe_tm(&m, sizeof(m), NULL, 0));
}

int setpgid(pid_t pid, pid_t pgid)
{
	if (pid < 0 || pgid < 0)
		return (int)__qsoe_ret(-EINVAL);
	return pg_req(TM_SETPGID, pid, pgid) < 0 ? -1 : 0;
}

pid_t getpgid(pid_t pid)
{
	if (pid < 0)
		return (pid_t)__qsoe_ret(-ESRCH);
	return (pid_t)pg_req(TM_GETPGID, pid, 0);
}

pid_t getpgrp(void)
{
	return (pid_t)pg_req(TM_GETPGID, 0, 0);
}

/* System V setpgrp: setpgid(0, 0); returns the new group. */
pid_t setpgrp(void)
{
	return setpgid(0, 0) < 0 ? -1 : getpgrp();
}

/* TM_SETSID is the bare header (taskman checks the exact size: EMSGSIZE otherwise). */
pid_t setsid(void)
{
	struct tm_hdr m;

	memset(&m, 0, sizeof(m));
	m.type = TM_SETSID;
	m.size = sizeof(m);
	return (pid_t)__qsoe_ret(__qsoe_tm(&m, sizeof(m), NULL, 0));
}

pid_t getsid(pid_t pid)
{
	if (pid < 0)
		return (pid_t)__qsoe_ret(-ESRCH);
	return (pid_t)pg_req(TM_GETSID, pid, 0);
}

/*
 * kill: one process (pid > 0), the caller's group (0) or group -pid go to
 * the kernel directly (SignalKill: POSIX permissions on the credentials
 * taskman mirrors, the sender's pid and uid in the siginfo, delivery to
 * the caller before kill returns); "everybody" (-1) goes through taskman
 * (TM_KILL), which knows every process. Signal 0 only checks. (The
 * signals engineer's change; docs/signals.md.)
 */
int kill(pid_t pid, int sig)
{
	struct tm_kill m;

	if (sig < 0 || sig >= NSIG)
		return (int)__qsoe_ret(-EINVAL);
	if (pid != -1)
		return (int)__qsoe_ret(SignalKill_r(ND_LOCAL_NODE, pid, 0, sig, SI_USER, 0));
	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_KILL;
	m.hdr.size = sizeof(m);
	m.pid = pid;
	m.signo = sig;
	long r = __qsoe_tm(&m, sizeof(m), NULL, 0);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int killpg(pid_t pgrp, int sig)
{
	if (pgrp <= 1)
		return (int)__qsoe_ret(-EINVAL);
	return kill(-pgrp, sig);
}

/*
 * procmgr_daemon (QNX): tells taskman this process has finished starting
 * (a parent that spawned it with POSIX_SPAWN_HOLD returns now), then a new
 * session (unless it leads one already) and, as the flags allow: the current directory changed to "/",
 * umask 0, standard descriptors on /dev/null, other descriptors closed.
 * Returns the new session id or -1 with errno.
 */
int procmgr_daemon(int status, unsigned flags)
{
	struct tm_daemon m;

	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_DAEMON;
	m.hdr.size = sizeof(m);
	m.status = status;
	long r = __qsoe_tm(&m, sizeof(m), NULL, 0);
	if (r < 0 && r != -ENOSYS)
		return (int)__qsoe_ret(r);
	pid_t sid = setsid();
	if (sid < 0) /* already a session leader */
		sid = getsid(0);
	if (!(flags & PROCMGR_DAEMON_NOCHDIR))
		chdir("/");
	if (!(flags & PROCMGR_DAEMON_KEEPUMASK))
		umask(0);
	if (!(flags & PROCMGR_DAEMON_NOCLOSE)) {
		int limit = __qsoe_fd_limit();
		for (int fd = 3; fd < limit; fd++)
			__qsoe_close(fd);
	}
	if (!(flags & PROCMGR_DAEMON_NODEVNULL)) {
		int fd = __qsoe_open(AT_FDCWD, "/dev/null", O_RDWR, 0);
		if (fd >= 0) {
			for (int i = 0; i < 3; i++)
				if (fd != i)
					dup2(fd, i);
			if (fd > 2)
				__qsoe_close(fd);
		}
	}
	return sid;
}
