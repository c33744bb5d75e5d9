/*
 * cputime.c - CPU-time clocks: ClockId() ids and reading them (ptimer.h).
 *
 * A thread's CPU time is t->run_ticks, the time it ran in user mode, kept
 * up to date at every kernel entry; a thread running on another hart at
 * this moment is counted up to its last kernel entry. A process's CPU time
 * is the sum over its threads plus p->dead_run_ticks, the time of the
 * threads that have ended.
 *
 * Clock ids (non-negative, as ClockId() returns them): bit 30 set, the pid
 * in bits 29..14 and the tid in bits 13..0 (0: the process as a whole).
 * Processes with pids from 65536 up and threads with tids from 16384 up
 * have no CPU-time clock id (ClockId fails with EOVERFLOW); their own
 * CLOCK_PROCESS_CPUTIME_ID / CLOCK_THREAD_CPUTIME_ID still work.
 */
#include <skimmer/clock.h>
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/thread.h>
#include <qsoe/abi/time.h>

#define TID_MASK ((1 << CPUCLOCK_TID_BITS) - 1)
#define PID_MASK ((1 << CPUCLOCK_PID_BITS) - 1)

/* The process pid (the caller's own if it is pid) with a reference, or NULL. */
static struct process *get_proc(pid_t pid)
{
	struct process *self = kcall_self()->proc;

	if (pid == 0 || pid == self->pid) {
		kobj_get(&self->kobj);
		return self;
	}
	return proc_get(pid);
}

/* A thread of p (caller holds p->lock), or NULL. */
static struct thread *find_thread(struct process *p, int tid)
{
	struct thread *t = tid > 0 ? idtab_get(&p->threads, (uint32_t)tid) : NULL;

	return t && !t->zombie ? t : NULL;
}

int cputime_clock_id(pid_t pid, int tid)
{
	if (pid < 0 || tid < 0)
		return -ESRCH;
	struct process *p = get_proc(pid);
	if (p == NULL)
		return -ESRCH;
	int r = 0;
	spin_lock(&p->lock);
	if (tid != 0 && find_thread(p, tid) == NULL)
		r = -ESRCH;
	spin_unlock(&p->lock);
	if (r == 0 && (p->pid > PID_MASK || tid > TID_MASK))
		r = -EOVERFLOW;
	if (r == 0)
		r = CPUCLOCK_FLAG | (p->pid << CPUCLOCK_TID_BITS) | tid;
	proc_put(p);
	return r;
}

int cputime_read(clockid_t id, uint64_t *ns)
{
	struct thread *self = kcall_self();
	pid_t pid;
	int tid;

	if (id == CLOCK_THREAD_CPUTIME_ID) {
		*ns = ticks_to_ns(self->run_ticks);
		return 0;
	}
	if (id == CLOCK_PROCESS_CPUTIME_ID) {
		pid = self->proc->pid;
		tid = 0;
	} else if (id > 0 && (id & CPUCLOCK_FLAG)) {
		pid = (id >> CPUCLOCK_TID_BITS) & PID_MASK;
		tid = id & TID_MASK;
	} else {
		return -EINVAL;
	}
	struct process *p = get_proc(pid);
	if (p == NULL)
		return -EINVAL;
	int r = 0;
	uint64_t ticks = 0;
	spin_lock(&p->lock);
	if (tid) {
		struct thread *t = find_thread(p, tid);
		if (t)
			ticks = t->run_ticks;
		else
			r = -EINVAL;
	} else {
		ticks = p->dead_run_ticks;
		struct list *l;
		list_for_each(l, &p->thread_list)
		{
			struct thread *t = list_entry(l, struct thread, proc_link);
			if (!(__atomic_load_n(&t->flags, __ATOMIC_RELAXED) & TF_DEAD))
				ticks += t->run_ticks;
		}
	}
	spin_unlock(&p->lock);
	proc_put(p);
	if (r == 0)
		*ns = ticks_to_ns(ticks);
	return r;
}

void cputime_thread_exit(struct thread *t)
{
	struct process *p = t->proc;

	spin_lock(&p->lock);
	p->dead_run_ticks += t->run_ticks;
	spin_unlock(&p->lock);
}
