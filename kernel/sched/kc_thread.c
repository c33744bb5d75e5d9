/*
 * kc_thread.c - thread and scheduling kernel calls (QNX semantics).
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/kcall.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/ustack.h>
#include <skimmer/vm.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/tls.h>
#include <arch/arch.h>
#include "kcall_protos.h"

#define PRIO_UNPRIV_MAX 63 /* highest priority without root (QNX default) */

/* The process named by pid (0 = caller's); takes a reference. */
static struct process *target_proc(pid_t pid, bool need_sysmgr_for_other)
{
	struct process *self = kcall_self()->proc;

	if (pid == 0 || pid == self->pid) {
		kobj_get(&self->kobj);
		return self;
	}
	if (need_sysmgr_for_other && !(self->flags & PROC_F_SYSMGR))
		return NULL;
	return proc_get(pid);
}

static bool prio_allowed(struct process *p, int prio)
{
	if (prio < 1 || prio > PRIO_MAX)
		return false;
	return prio <= PRIO_UNPRIV_MAX || p->cred.euid == 0 || (p->flags & PROC_F_SYSMGR);
}

long kc_ThreadCreate(pid_t pid, uaddr_t func, uaddr_t arg, uaddr_t attr_u)
{
	struct thread *self = kcall_self();
	struct _thread_attr attr = {0};
	struct process *p = target_proc(pid, true);
	long r;

	if (p == NULL)
		return pid == 0 ? -ESRCH : (self->proc->flags & PROC_F_SYSMGR) ? -ESRCH : -EPERM;
	if (attr_u && copyin(&attr, attr_u, sizeof(attr)) < 0) {
		r = -EFAULT;
		goto out;
	}
	if (func == 0 || !user_range_ok(func, 4)) {
		r = -EINVAL;
		goto out;
	}
	int prio = self->base_prio, policy = self->policy;
	if (attr.__flags & _QSOE_TATTR_EXPLICIT_SCHED) {
		prio = attr.__param.sched_priority;
		policy = attr.__policy;
		if (policy != SCHED_FIFO && policy != SCHED_RR && policy != SCHED_OTHER) {
			r = -EINVAL;
			goto out;
		}
		if (!prio_allowed(self->proc, prio)) {
			r = prio < 1 || prio > PRIO_MAX ? -EINVAL : -EPERM;
			goto out;
		}
	}

	/* The stack: the caller's, or one the kernel maps (freed with the process). */
	uaddr_t lo, hi;
	if (attr.__stackaddr) {
		lo = (uaddr_t)attr.__stackaddr;
		if (attr.__stacksize < 256 || !user_range_ok(lo, attr.__stacksize)) {
			r = -EINVAL;
			goto out;
		}
		hi = lo + attr.__stacksize;
	} else {
		size_t size =
		        attr.__stacksize ? ALIGN_UP(attr.__stacksize, PAGE_SIZE) : USTACK_DEFAULT;
		long a = vm_map(p->as, 0, size, PROT_READ | PROT_WRITE, MAP_ANON | MAP_STACK, 0,
		                NULL);
		if (a < 0) {
			r = a == -ENOMEM ? -EAGAIN : a;
			goto out;
		}
		lo = (uaddr_t)a;
		hi = lo + size;
	}

	/* Lay out the TLS block first: a bad stack fails before anything exists. */
	struct ustack us;
	r = ustack_setup(p, lo, hi, 0, (uaddr_t)attr.__exitfunc, arg, &us);
	if (r < 0)
		goto out;
	int err;
	struct thread *t = thread_create(p, thread_pick_cpu(), func, 0, arg, 0, prio, policy, &err);
	if (t == NULL) {
		r = -err;
		goto out;
	}
	int tid = t->tid;
	signal_thread_created(t, self); /* the creator's mask, in its own process */
	as_write(p->as, us.tls + offsetof(struct _thread_local_storage, __tid), &tid, sizeof(tid));
	as_write(p->as, us.tls + offsetof(struct _thread_local_storage, __owner), &t->sync.owner_id,
	         sizeof(t->sync.owner_id));
	t->tf.regs[REG_SP] = us.sp;
	t->tf.regs[REG_TP] = us.tp;
	t->tf.regs[REG_RA] = (uint64_t)attr.__exitfunc;
	t->stack_lo = us.lo;
	t->stack_hi = us.hi;
	if (!attr.__stackaddr)
		t->flags |= TF_ALLOCED_STACK;
	if (attr.__flags & _QSOE_TATTR_DETACHED)
		t->detached = true;
	r = t->tid;
	thread_start(t);
out:
	proc_put(p);
	return r;
}

long kc_ThreadDestroy(int tid, int priority, uaddr_t status)
{
	struct thread *self = kcall_self();
	struct process *p = self->proc;

	(void)priority;
	if (tid == 0 || tid == self->tid) {
		thread_exit_current(status);
		return KCALL_BLOCKED;
	}
	if (tid == -1) {
		/* Every thread of the process, this one included: the process ends. */
		proc_terminate(p, (int)((status & 0xff) << 8));
		return KCALL_BLOCKED;
	}
	if (tid < 0)
		return -EINVAL;
	spin_lock(&p->lock);
	struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL || t->zombie) {
		spin_unlock(&p->lock);
		return -ESRCH;
	}
	t->exit_value = status;
	thread_post(t, MPR_KILL);
	spin_unlock(&p->lock);
	return 0;
}

/*
 * ThreadDestroyAll(): ends every other thread of the calling process (as
 * ThreadDestroy would, each with a NULL exit value); the caller goes on.
 */
long kc_ThreadDestroyAll(void)
{
	struct thread *self = kcall_self();
	struct process *p = self->proc;
	struct list *l;

	spin_lock(&p->lock);
	list_for_each(l, &p->thread_list)
	{
		struct thread *t = list_entry(l, struct thread, proc_link);
		if (t == self || t->zombie || (t->flags & TF_DEAD))
			continue;
		t->exit_value = 0;
		thread_post(t, MPR_KILL);
	}
	spin_unlock(&p->lock);
	return 0;
}

long kc_ThreadDetach(int tid)
{
	struct process *p = kcall_self()->proc;

	if (tid == 0)
		tid = kcall_self()->tid;
	spin_lock(&p->lock);
	struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL) {
		spin_unlock(&p->lock);
		return -ESRCH;
	}
	if (t->detached) {
		spin_unlock(&p->lock);
		return -EINVAL;
	}
	t->detached = true;
	bool dead = t->zombie;
	if (dead) {
		idtab_remove(&p->threads, (uint32_t)tid);
		list_del(&t->proc_link);
	}
	spin_unlock(&p->lock);
	if (dead)
		thread_free_zombie(t);
	return 0;
}

long kc_ThreadJoin(int tid, uaddr_t status)
{
	struct thread *self = kcall_self();
	struct process *p = self->proc;

	if (tid <= 0 || tid == self->tid)
		return tid == self->tid ? -EDEADLK : -EINVAL;
	spin_lock(p->join_wq.lock);
	spin_lock(&p->lock);
	struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
	long r;
	if (t == NULL) {
		r = -ESRCH;
	} else if (t->detached) {
		r = -EINVAL;
	} else if (t->zombie) {
		idtab_remove(&p->threads, (uint32_t)tid);
		list_del(&t->proc_link);
		spin_unlock(&p->lock);
		spin_unlock(p->join_wq.lock);
		r = 0;
		if (status && copyout(status, &t->exit_value, sizeof(uint64_t)) < 0)
			r = -EFAULT;
		thread_free_zombie(t);
		return r;
	} else {
		/* Only one joiner per thread. */
		struct list *l;
		list_for_each(l, &p->join_wq.head)
		{
			if (list_entry(l, struct thread, wq_link)->blk.join.tid == tid) {
				spin_unlock(&p->lock);
				spin_unlock(p->join_wq.lock);
				return -EBUSY;
			}
		}
		spin_unlock(&p->lock);
		self->blk.join.tid = tid;
		self->blk.join.status = status;
		waitq_block(&p->join_wq, self, STATE_JOIN);
		spin_unlock(p->join_wq.lock);
		return KCALL_BLOCKED;
	}
	spin_unlock(&p->lock);
	spin_unlock(p->join_wq.lock);
	return r;
}

/* Moves the calling thread to hart c (it resumes there). */
static long migrate_self(struct thread *self, struct cpu *c)
{
	struct cpu *here = this_cpu();

	if (c == here)
		return 0;
	arch_fp_switch(here, self, NULL);
	if (here->fp_owner == self)
		here->fp_owner = NULL;
	here->cur = NULL;
	self->state = STATE_STOPPED;
	arch_set_retval(self, 0);
	__atomic_store_n(&self->cpu, c, __ATOMIC_RELEASE);
	thread_post(self, MPR_WAKE);
	return KCALL_BLOCKED;
}

/*
 * _NTO_TCTL_NAME on thread tid of p, the caller's process: sets its name
 * from name_buf when new_name_len >= 0 (0 clears it; longer than
 * _NTO_THREAD_NAME_MAX - 1 bytes: E2BIG), then, if name_buf_len > 0, gives
 * back the name it had, NUL-terminated and cut to name_buf_len - 1 bytes.
 * Reads and writes user memory before and after taking p->lock.
 */
static long thread_name(struct process *p, int tid, uaddr_t data)
{
	struct _thread_name hdr;
	char newname[_NTO_THREAD_NAME_MAX], old[_NTO_THREAD_NAME_MAX];
	uaddr_t buf = data + offsetof(struct _thread_name, name_buf);

	if (copyin(&hdr, data, sizeof(hdr)) < 0)
		return -EFAULT;
	if (hdr.new_name_len >= _NTO_THREAD_NAME_MAX || hdr.new_name_len < -1)
		return hdr.new_name_len < -1 ? -EINVAL : -E2BIG;
	if (hdr.new_name_len > 0 && copyin(newname, buf, (size_t)hdr.new_name_len) < 0)
		return -EFAULT;
	if (hdr.new_name_len >= 0)
		newname[hdr.new_name_len] = '\0';
	spin_lock(&p->lock);
	struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL || t->zombie || (t->flags & TF_DEAD)) {
		spin_unlock(&p->lock);
		return -ESRCH;
	}
	strlcpy(old, t->name, sizeof(old));
	if (hdr.new_name_len >= 0)
		strlcpy(t->name, newname, sizeof(t->name));
	spin_unlock(&p->lock);
	if (hdr.name_buf_len > 0) {
		size_t n = strlen(old);
		if (n > (size_t)hdr.name_buf_len - 1)
			n = (size_t)hdr.name_buf_len - 1;
		old[n] = '\0';
		if (copyout(buf, old, n + 1) < 0)
			return -EFAULT;
	}
	return 0;
}

/*
 * ThreadCtlExt(pid, tid, cmd, data): ThreadCtl on thread tid of process pid
 * (0 for either: the caller's). Only threads of the caller's own process can
 * be named here; _NTO_TCTL_IO, _IO_PRIV and _RUNMASK act on the calling
 * thread only (another tid: EINVAL). Returns 0 or -errno: ESRCH (no such
 * thread), EPERM (I/O privilege without root, another process), EINVAL (an
 * unknown or unsupported command).
 */
long kc_ThreadCtlExt(pid_t pid, int tid, int cmd, uaddr_t data)
{
	struct thread *self = kcall_self();
	struct process *p = self->proc;

	if (pid != 0 && pid != p->pid)
		return -EPERM;
	if (tid == 0)
		tid = self->tid;
	if (tid < 0)
		return -ESRCH;
	if (cmd == _NTO_TCTL_NAME)
		return thread_name(p, tid, data);
	if (tid != self->tid) {
		spin_lock(&p->lock);
		struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
		bool gone = t == NULL || t->zombie || (t->flags & TF_DEAD);
		spin_unlock(&p->lock);
		return gone ? -ESRCH : -EINVAL; /* the others act on the caller only */
	}
	switch (cmd) {
	case _NTO_TCTL_IO:
	case _NTO_TCTL_IO_PRIV:
		if (p->cred.euid != 0 && !(p->flags & PROC_F_SYSMGR))
			return -EPERM;
		self->flags |= TF_IOPRIV;
		return 0;
	case _NTO_TCTL_RUNMASK: {
		uint64_t mask = data; /* QNX passes the mask as the pointer value */
		if (mask == 0)
			return -EINVAL;
		if (mask & (1UL << this_cpu()->id))
			return 0;
		for (unsigned i = 0; i < ncpu; i++)
			if ((mask & (1UL << i)) && cpus[i]->online)
				return migrate_self(self, cpus[i]);
		return -EINVAL;
	}
	default:
		return -EINVAL;
	}
}

/* ThreadCtl(cmd, data): ThreadCtlExt on the calling thread. */
long kc_ThreadCtl(int cmd, uaddr_t data)
{
	return kc_ThreadCtlExt(0, 0, cmd, data);
}

/* Finds thread tid (0 = caller) of process pid (0 = caller) under p->lock. */
static struct thread *lookup_thread(pid_t pid, int tid, struct process **pp)
{
	struct thread *self = kcall_self();
	struct process *p = target_proc(pid, false);

	if (p == NULL)
		return NULL;
	spin_lock(&p->lock);
	struct thread *t =
	        tid == 0 ? (p == self->proc ? self : NULL) : idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL || t->zombie) {
		spin_unlock(&p->lock);
		proc_put(p);
		return NULL;
	}
	*pp = p;
	return t;
}

long kc_SchedGet(pid_t pid, int tid, uaddr_t param)
{
	struct process *p;
	struct thread *t = lookup_thread(pid, tid, &p);

	if (t == NULL)
		return -ESRCH;
	struct sched_param sp = {0};
	sp.sched_priority = t->base_prio;
	sp.sched_curpriority = t->prio;
	int policy = t->policy;
	spin_unlock(&p->lock);
	proc_put(p);
	if (param && copyout(param, &sp, sizeof(sp)) < 0)
		return -EFAULT;
	return policy;
}

long kc_SchedSet(pid_t pid, int tid, int algorithm, uaddr_t param)
{
	struct sched_param sp;
	struct process *self = kcall_self()->proc;

	if (copyin(&sp, param, sizeof(sp)) < 0)
		return -EFAULT;
	if (algorithm != SCHED_NOCHANGE && algorithm != SCHED_FIFO && algorithm != SCHED_RR &&
	    algorithm != SCHED_OTHER)
		return -EINVAL;
	if (sp.sched_priority < 1 || sp.sched_priority > PRIO_MAX)
		return -EINVAL;
	if (!prio_allowed(self, sp.sched_priority))
		return -EPERM;
	struct process *p;
	struct thread *t = lookup_thread(pid, tid, &p);
	if (t == NULL)
		return -ESRCH;
	if (p != self && self->cred.euid != 0 && !(self->flags & PROC_F_SYSMGR) &&
	    self->cred.euid != p->cred.euid) {
		spin_unlock(&p->lock);
		proc_put(p);
		return -EPERM;
	}
	t->base_prio = (uint8_t)sp.sched_priority;
	/* An explicit priority ends what the thread inherited from a message (QNX). */
	__atomic_store_n(&t->msg_prio, (int16_t)-1, __ATOMIC_RELAXED);
	t->req_policy = (uint8_t)(algorithm == SCHED_NOCHANGE ? t->policy : algorithm);
	if (t->cpu == this_cpu()) {
		sched_set_prio(t, sync_thread_prio(t), t->req_policy);
	} else {
		thread_post(t, MPR_REPRIO);
	}
	sync_prio_changed(t); /* what it waits for may inherit its new priority */
	spin_unlock(&p->lock);
	proc_put(p);
	return 0;
}

long kc_SchedYield(void)
{
	sched_yield_current();
	return 0;
}

long kc_SchedInfo(pid_t pid, int algorithm, uaddr_t info)
{
	struct _sched_info si = {0};

	(void)pid;
	if (algorithm != SCHED_FIFO && algorithm != SCHED_RR && algorithm != SCHED_OTHER)
		return -EINVAL;
	si.priority_min = 1;
	si.priority_max = PRIO_MAX;
	si.priority_priv = PRIO_UNPRIV_MAX;
	si.interval = algorithm == SCHED_FIFO ? 0 : RR_QUANTUM_NS;
	if (copyout(info, &si, sizeof(si)) < 0)
		return -EFAULT;
	return 0;
}

long kc_SchedGetCpuNum(void)
{
	return this_cpu()->id;
}
