/*
 * proc.c - the process object: creation, termination, zombies (see proc.h).
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/irq.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <skimmer/kapi.h>
#include <skimmer/waitq.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>

#define PID_MAX 0x40000000u /* pids are below this; see docs/abi.md */

static struct kmem_cache proc_cache;
static spinlock_t pid_lock = SPINLOCK_INIT; /* protects pids and zombies */
static struct idtab pids;
static struct list zombies = LIST_INIT(zombies);
static struct waitq zombie_wq; /* ProcWait callers */
static size_t nprocs;

static void proc_release(struct kobj *o)
{
	struct process *p = container_of(o, struct process, kobj);

	idtab_destroy(&p->threads);
	kmem_free(&proc_cache, p);
}

void proc_init(void)
{
	kmem_cache_init(&proc_cache, "process", sizeof(struct process), 8);
	idtab_init(&pids, PID_MAX);
	waitq_init(&zombie_wq, NULL, NULL, NULL);
}

struct process *proc_create(const char *name, pid_t ppid, uint32_t flags, int *err)
{
	struct process *p = kmem_alloc(&proc_cache);

	if (p == NULL) {
		*err = EAGAIN;
		return NULL;
	}
	kobj_init(&p->kobj, proc_release);
	spin_init(&p->lock);
	p->ppid = ppid;
	p->flags = flags;
	p->state = PROC_ALIVE;
	strlcpy(p->name, name ? name : "?", sizeof(p->name));
	idtab_init(&p->threads, 1u << 20);
	list_init(&p->thread_list);
	list_init(&p->zombie_link);
	waitq_init(&p->join_wq, &p->kobj, NULL, NULL);
	ipc_proc_init(p);
	irq_proc_init(p);
	ptimer_proc_init(p);
	p->as = aspace_create(err);
	if (p->as == NULL) {
		kmem_free(&proc_cache, p);
		return NULL;
	}
	spin_lock(&pid_lock);
	int pid = idtab_alloc(&pids, p, 1);
	if (pid >= 0)
		nprocs++;
	spin_unlock(&pid_lock);
	if (pid < 0) {
		aspace_destroy(p->as);
		kmem_free(&proc_cache, p);
		*err = EAGAIN;
		return NULL;
	}
	p->pid = pid;
	/* Its own group and session until taskman says otherwise (ProcSetPgrp). */
	p->pgid = p->sid = pid;
	ipc_attach_sysmgr(p);
	return p;
}

struct process *proc_get(pid_t pid)
{
	if (pid <= 0)
		return NULL;
	spin_lock(&pid_lock);
	struct process *p = idtab_get(&pids, (uint32_t)pid);
	if (p && p->state != PROC_ALIVE)
		p = NULL;
	if (p)
		kobj_get(&p->kobj);
	spin_unlock(&pid_lock);
	return p;
}

static pid_t reap(pid_t pid, int *status);
static void zombie_deliver(void);

struct process *proc_next(pid_t after)
{
	spin_lock(&pid_lock);
	for (int i = idtab_next(&pids, (uint32_t)after + 1); i >= 0;
	     i = idtab_next(&pids, (uint32_t)i + 1)) {
		struct process *p = idtab_get(&pids, (uint32_t)i);
		if (p->state == PROC_ALIVE) {
			kobj_get(&p->kobj);
			spin_unlock(&pid_lock);
			return p;
		}
	}
	spin_unlock(&pid_lock);
	return NULL;
}

/* Tears down what the last thread left: address space, IPC objects. */
static void proc_finish(struct process *p)
{
	/* Joinable threads that exited and were never joined. */
	spin_lock(&p->lock);
	struct list dead;
	list_init(&dead);
	while (!list_empty(&p->thread_list)) {
		struct thread *t = list_entry(p->thread_list.next, struct thread, proc_link);
		list_del(&t->proc_link);
		idtab_remove(&p->threads, (uint32_t)t->tid);
		list_add_tail(&dead, &t->proc_link);
	}
	spin_unlock(&p->lock);
	while (!list_empty(&dead)) {
		struct thread *t = list_entry(dead.next, struct thread, proc_link);
		list_del(&t->proc_link);
		thread_free_zombie(t);
	}
	irq_proc_cleanup(p);    /* before IPC: an interrupt may send pulses */
	ptimer_proc_cleanup(p); /* likewise a timer */
	ipc_proc_cleanup(p);
	signal_proc_exit(p);
	aspace_destroy(p->as);
	p->as = NULL;

	spin_lock(zombie_wq.lock);
	spin_lock(&pid_lock);
	p->state = PROC_ZOMBIE;
	list_add_tail(&zombies, &p->zombie_link);
	spin_unlock(&pid_lock);
	zombie_deliver();
	spin_unlock(zombie_wq.lock);
}

void proc_thread_exited(struct process *p)
{
	spin_lock(&p->lock);
	bool last = --p->nthreads == 0;
	if (last && p->state == PROC_ALIVE) {
		/* The last thread ended by itself: the process exits with status 0
		 * unless someone already set a status. */
		p->state = PROC_DYING;
	}
	spin_unlock(&p->lock);
	if (last)
		proc_finish(p);
}

void proc_terminate(struct process *p, int status)
{
	spin_lock(&p->lock);
	if (p->state != PROC_ALIVE) {
		spin_unlock(&p->lock);
		return;
	}
	p->state = PROC_DYING;
	p->exit_status = status;
	struct list *l;
	list_for_each(l, &p->thread_list)
	{
		struct thread *t = list_entry(l, struct thread, proc_link);
		if (!t->zombie)
			thread_post(t, MPR_KILL);
	}
	bool empty = p->nthreads == 0;
	spin_unlock(&p->lock);
	if (empty) /* never had a thread (failed spawn): finish now */
		proc_finish(p);
}

void proc_fault(struct thread *t, const char *what, uint64_t addr, int signo)
{
	struct process *p = t->proc;

	kprintf("skimmer: process %d (%s) thread %d: %s (%s %#lx) at pc %#lx; terminated "
	        "(signal %d)\n",
	        p->pid, p->name, t->tid, what, signo == SIGILL ? "instruction" : "address",
	        (unsigned long)addr, (unsigned long)t->tf.regs[0], signo);
	proc_terminate(p, signo & 0x7f);
}

/*
 * Collects one zombie matching pid (-1: any). Returns its pid and fills
 * *status, 0 if none matches, or -ECHILD if no process could ever match.
 */
static pid_t reap(pid_t pid, int *status)
{
	struct list *l;

	spin_lock(&pid_lock);
	list_for_each(l, &zombies)
	{
		struct process *p = list_entry(l, struct process, zombie_link);
		if (pid > 0 && p->pid != pid)
			continue;
		list_del(&p->zombie_link);
		idtab_remove(&pids, (uint32_t)p->pid);
		nprocs--;
		spin_unlock(&pid_lock);
		pid_t r = p->pid;
		*status = p->exit_status;
		proc_put(p);
		return r;
	}
	bool exists = pid > 0 ? idtab_get(&pids, (uint32_t)pid) != NULL : nprocs > 1;
	spin_unlock(&pid_lock);
	return exists ? 0 : -ECHILD;
}

/*
 * Hands zombies to blocked ProcWait callers whose pid matches. Caller
 * holds zombie_wq.lock.
 */
static void zombie_deliver(void)
{
	struct list *l, *tmp;

	list_for_each_safe(l, tmp, &zombie_wq.head)
	{
		struct thread *w = list_entry(l, struct thread, wq_link);
		int status;
		struct proc_exitinfo info = {0};
		pid_t r = reap(w->blk.procwait.pid, &status);
		if (r > 0) {
			info.pid = r;
			info.status = status;
		} else if (r == 0 && (w->blk.procwait.flags & PROCWAIT_JOBCTL)) {
			r = signal_jc_take(w->blk.procwait.pid, &info); /* a stop or continue */
		}
		if (r == 0)
			continue;
		waitq_remove(&zombie_wq, w);
		if (r > 0 && w->blk.procwait.info) {
			if (as_write(w->proc->as, w->blk.procwait.info, &info, sizeof(info)) < 0)
				r = -EFAULT;
		}
		w->tf.regs[10] = (uint64_t)(long)r;
		sched_wake(w);
	}
}

/* ProcWait: taskman collects exit information. */
long proc_wait(pid_t pid, int flags, uaddr_t info)
{
	struct thread *self = this_cpu()->cur;
	int status;

	struct proc_exitinfo ei = {0};

	spin_lock(zombie_wq.lock);
	pid_t r = reap(pid, &status);
	if (r > 0) {
		ei.pid = r;
		ei.status = status;
	} else if (r == 0 && (flags & PROCWAIT_JOBCTL)) {
		r = signal_jc_take(pid, &ei); /* a stop or continue (signal_jobctl.c) */
	}
	if (r != 0 || (flags & PROCWAIT_NOHANG)) {
		spin_unlock(zombie_wq.lock);
		if (r > 0 && info && copyout(info, &ei, sizeof(ei)) < 0)
			return -EFAULT;
		return r;
	}
	self->blk.procwait.pid = pid;
	self->blk.procwait.flags = flags;
	self->blk.procwait.info = info;
	waitq_block(&zombie_wq, self, STATE_WAITCTX); /* waiting for a process event */
	spin_unlock(zombie_wq.lock);
	return KCALL_BLOCKED;
}

/* Hands a new job-control event to a waiting ProcWait (signal_jobctl.c). No lock held. */
void proc_wait_notify(void)
{
	spin_lock(zombie_wq.lock);
	zombie_deliver();
	spin_unlock(zombie_wq.lock);
}

size_t proc_count(void)
{
	return nprocs;
}
