/*
 * kc_proc.c - taskman's process calls: ProcCreate, ProcDestroy, ProcWait.
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/kcall.h>
#include <skimmer/kstring.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <skimmer/kapi.h>
#include <qsoe/abi/neutrino.h>
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
	if (flags & ~(PROCWAIT_NOHANG | PROCWAIT_JOBCTL))
		return -EINVAL;
	return proc_wait(pid, flags, info);
}

long kc_ProcSetCred(pid_t pid, uaddr_t cred_u)
{
	struct proc_cred pc;

	if (copyin(&pc, cred_u, sizeof(pc)) < 0)
		return -EFAULT;
	if (pc.ngroups > CRED_NGROUPS)
		pc.ngroups = CRED_NGROUPS;
	struct process *p = proc_get(pid);
	if (p == NULL)
		return -ESRCH;
	spin_lock(&p->lock);
	p->cred.ruid = pc.ruid;
	p->cred.euid = pc.euid;
	p->cred.suid = pc.suid;
	p->cred.rgid = pc.rgid;
	p->cred.egid = pc.egid;
	p->cred.sgid = pc.sgid;
	p->cred.ngroups = pc.ngroups;
	for (uint32_t i = 0; i < pc.ngroups; i++)
		p->cred.groups[i] = pc.groups[i];
	spin_unlock(&p->lock);
	proc_put(p);
	return 0;
}

long kc_ProcSetPgrp(pid_t pid, pid_t pgid, pid_t sid)
{
	struct process *p = proc_get(pid);

	if (p == NULL)
		return -ESRCH;
	if (pgid <= 0 || sid <= 0) {
		proc_put(p);
		return -EINVAL;
	}
	spin_lock(&p->lock);
	p->pgid = pgid;
	p->sid = sid;
	spin_unlock(&p->lock);
	proc_put(p);
	return 0;
}

long kc_ProcInfo(pid_t pid, uaddr_t info_u, uaddr_t threads_u, size_t nthreads)
{
	struct process *p = pid == 0 ? kcall_self()->proc : proc_get(pid);
	struct proc_info info;
	long total = 0;

	if (p == NULL)
		return -ESRCH;
	if (pid == 0)
		kobj_get(&p->kobj);
	memset(&info, 0, sizeof(info));
	spin_lock(&p->lock);
	info.pid = p->pid;
	info.ppid = p->ppid;
	info.pgid = p->pgid;
	info.sid = p->sid;
	info.state = (uint32_t)p->state;
	info.resident_pages = p->as ? p->as->resident : 0;
	strlcpy(info.name, p->name, sizeof(info.name));
	struct list *l;
	size_t k = 0;
	int err = 0;
	list_for_each(l, &p->thread_list)
	{
		struct thread *t = list_entry(l, struct thread, proc_link);
		info.cpu_ns += ticks_to_ns(t->run_ticks);
		if (t->zombie)
			continue;
		total++;
		if (k < nthreads && threads_u && !err) {
			struct proc_thread_info ti = {
			        .tid = t->tid,
			        .state = t->state,
			        .prio = t->prio,
			        .base_prio = t->base_prio,
			        .policy = t->policy,
			        .cpu = t->cpu->id,
			        .cpu_ns = ticks_to_ns(t->run_ticks),
			};
			if (t->state == STATE_SEND || t->state == STATE_REPLY ||
			    t->state == STATE_RECEIVE) {
				ti.blocked_pid = t->ipc_peer_pid;
				ti.blocked_chid = t->ipc_peer_chid;
			}
			strlcpy(ti.name, t->name, sizeof(ti.name));
			/* as_write, not copyout: p's lock is a spinlock and copyout may fault */
			if (as_write(kcall_self()->proc->as, threads_u + k * sizeof(ti), &ti,
			             sizeof(ti)) < 0)
				err = -EFAULT;
			k++;
		}
	}
	info.nthreads = (uint32_t)total;
	spin_unlock(&p->lock);
	proc_put(p);
	if (err)
		return err;
	if (info_u && copyout(info_u, &info, sizeof(info)) < 0)
		return -EFAULT;
	return total;
}
