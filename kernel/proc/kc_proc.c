/*
 * kc_proc.c - taskman's process calls: ProcCreate, ProcDestroy, ProcWait.
 */
#include <skimmer/kcall.h>
#include <skimmer/kstring.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include "kcall_protos.h"

long proc_wait(pid_t pid, int flags, uaddr_t info);

long kc_ProcCreate(uaddr_t name_u, unsigned flags)
{
	char name[PROC_NAME_MAX];
	long n = copyinstr(name, name_u, sizeof(name));
	int err;

	if (n == -ENAMETOOLONG) {
		/* Keep the tail of a long path: it is the informative part. */
		char tmp[256];
		long m = copyinstr(tmp, name_u, sizeof(tmp));
		if (m < 0)
			return m;
		strlcpy(name, tmp + m - (PROC_NAME_MAX - 1), sizeof(name));
	} else if (n < 0) {
		return n;
	}
	if (flags != 0)
		return -EINVAL;
	struct process *p = proc_create(name, kcall_self()->proc->pid, 0, &err);
	if (p == NULL)
		return -err;
	return p->pid;
}

long kc_ProcDestroy(pid_t pid, int status)
{
	struct process *p = proc_get(pid);

	if (p == NULL)
		return -ESRCH;
	if (p->flags & PROC_F_SYSMGR) {
		proc_put(p);
		return -EPERM;
	}
	proc_terminate(p, status);
	proc_put(p);
	return 0;
}

long kc_ProcWait(pid_t pid, int flags, uaddr_t info)
{
	if (flags & ~1)
		return -EINVAL;
	return proc_wait(pid, flags, info);
}
