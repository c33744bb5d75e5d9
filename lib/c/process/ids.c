/*
 * ids.c - process and user identity: getpid, getppid, gettid, the get*id
 * and set*id families, getgroups, setgroups.
 *
 * The credentials come in the start-up block and are cached here; they
 * change only through TM_SETCRED from this process, after which the cache
 * is refreshed from taskman (TM_CRED_GET), under a lock so concurrent
 * changes cannot leave it stale.
 */
#include <string.h>
#include <unistd.h>
#include "qsoe_os.h"

pid_t getpid(void)
{
	return __qsoe_proc.pid;
}

/* The parent's pid, from taskman (it changes when an orphan is given to init). */
pid_t getppid(void)
{
	struct tm_proclist m;
	struct tm_procent e;

	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_PROCLIST;
	m.hdr.size = sizeof(m);
	m.from = __qsoe_proc.pid;
	memset(&e, 0, sizeof(e));
	if (__qsoe_tm(&m, sizeof(m), &e, sizeof(e)) > 0 && e.pid == __qsoe_proc.pid)
		return e.ppid;
	return __qsoe_proc.ppid;
}

/* The calling thread's id (QNX: the kernel's tid, also its pthread_t). */
pid_t gettid(void)
{
	return __tls()->__tid;
}

uid_t getuid(void)
{
	return __atomic_load_n(&__qsoe_proc.cred.ruid, __ATOMIC_RELAXED);
}

uid_t geteuid(void)
{
	return __atomic_load_n(&__qsoe_proc.cred.euid, __ATOMIC_RELAXED);
}

gid_t getgid(void)
{
	return __atomic_load_n(&__qsoe_proc.cred.rgid, __ATOMIC_RELAXED);
}

gid_t getegid(void)
{
	return __atomic_load_n(&__qsoe_proc.cred.egid, __ATOMIC_RELAXED);
}

int getresuid(uid_t *r, uid_t *e, uid_t *s)
{
	qsoe_lock(&__qsoe_proc.cred_lock);
	*r = __qsoe_proc.cred.ruid;
	*e = __qsoe_proc.cred.euid;
	*s = __qsoe_proc.cred.suid;
	qsoe_unlock(&__qsoe_proc.cred_lock);
	return 0;
}

int getresgid(gid_t *r, gid_t *e, gid_t *s)
{
	qsoe_lock(&__qsoe_proc.cred_lock);
	*r = __qsoe_proc.cred.rgid;
	*e = __qsoe_proc.cred.egid;
	*s = __qsoe_proc.cred.sgid;
	qsoe_unlock(&__qsoe_proc.cred_lock);
	return 0;
}

/*
 * One TM_SETCRED call with the ids in c (-1: unchanged), then the cache is
 * reloaded. Returns 0 or -1 with errno (EPERM, EINVAL).
 */
static int setcred(unsigned call, const struct tm_cred *c)
{
	struct tm_setcred m;
	struct tm_cred now;

	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_SETCRED;
	m.hdr.subtype = (uint16_t)call;
	m.hdr.size = sizeof(m);
	m.cred = *c;
	qsoe_lock(&__qsoe_proc.cred_lock);
	long r = __qsoe_tm(&m, sizeof(m), NULL, 0);
	if (r >= 0) {
		m.hdr.subtype = TM_CRED_GET;
		if (__qsoe_tm(&m, sizeof(m), &now, sizeof(now)) >= 0)
			__qsoe_proc.cred = now;
	}
	qsoe_unlock(&__qsoe_proc.cred_lock);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

/* A tm_cred with every id "unchanged" (-1). */
static struct tm_cred none(void)
{
	struct tm_cred c;

	memset(&c, 0, sizeof(c));
	c.ruid = c.euid = c.suid = -1;
	c.rgid = c.egid = c.sgid = -1;
	return c;
}

int setuid(uid_t uid)
{
	struct tm_cred c = none();
	c.ruid = uid;
	return setcred(TM_CRED_SETUID, &c);
}

int seteuid(uid_t uid)
{
	struct tm_cred c = none();
	c.euid = uid;
	return setcred(TM_CRED_SETEUID, &c);
}

int setreuid(uid_t ruid, uid_t euid)
{
	struct tm_cred c = none();
	c.ruid = ruid;
	c.euid = euid;
	return setcred(TM_CRED_SETREUID, &c);
}

int setresuid(uid_t r, uid_t e, uid_t s)
{
	struct tm_cred c = none();
	c.ruid = r;
	c.euid = e;
	c.suid = s;
	return setcred(TM_CRED_SETRESUID, &c);
}

int setgid(gid_t gid)
{
	struct tm_cred c = none();
	c.rgid = gid;
	return setcred(TM_CRED_SETGID, &c);
}

int setegid(gid_t gid)
{
	struct tm_cred c = none();
	c.egid = gid;
	return setcred(TM_CRED_SETEGID, &c);
}

int setregid(gid_t rgid, gid_t egid)
{
	struct tm_cred c = none();
	c.rgid = rgid;
	c.egid = egid;
	return setcred(TM_CRED_SETREGID, &c);
}

int setresgid(gid_t r, gid_t e, gid_t s)
{
	struct tm_cred c = none();
	c.rgid = r;
	c.egid = e;
	c.sgid = s;
	return setcred(TM_CRED_SETRESGID, &c);
}

/* The supplementary groups: their number, or up to size of them in list. */
int getgroups(int size, gid_t list[])
{
	qsoe_lock(&__qsoe_proc.cred_lock);
	int n = (int)__qsoe_proc.cred.ngroups;
	if (n > TM_NGROUPS_MAX)
		n = TM_NGROUPS_MAX;
	if (size != 0 && size < n) {
		qsoe_unlock(&__qsoe_proc.cred_lock);
		return (int)__qsoe_ret(-EINVAL);
	}
	if (size != 0)
		memcpy(list, __qsoe_proc.cred.groups, (size_t)n * sizeof(gid_t));
	qsoe_unlock(&__qsoe_proc.cred_lock);
	return n;
}

/* Sets the supplementary groups (root only); at most NGROUPS_MAX (EINVAL beyond). */
int setgroups(int size, const gid_t *list)
{
	struct tm_cred c = none();

	if (size < 0 || size > TM_NGROUPS_MAX || size > NGROUPS_MAX)
		return (int)__qsoe_ret(-EINVAL);
	c.ngroups = (uint32_t)size;
	if (size)
		memcpy(c.groups, list, (size_t)size * sizeof(gid_t));
	return setcred(TM_CRED_SETGROUPS, &c);
}
