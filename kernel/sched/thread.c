/*
 * thread.c - thread life cycle and cross-hart requests (see thread.h).
 *
 * Freeing a thread must wait until no other hart can still post to it.
 * Posters find a thread either in its process's thread table (under the
 * process lock) or on a waitq (under the queue lock, and they post before
 * dropping that lock). Removal from the table and from any queue comes
 * first; then MPR_DEAD is set, which makes later posts no-ops; if a post
 * was already queued, the thread is freed when that message is drained.
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/irq.h>
#include <skimmer/ipc.h>
#include <skimmer/kmem.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/ptimer.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <skimmer/waitq.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/sched.h>
#include <arch/arch.h>

#define MPR_DEAD 0x80000000u /* freed or about to be: posts are ignored */

static struct kmem_cache thread_cache;
static unsigned next_cpu;

void sched_wake_local(struct thread *t);
void thread_timeout_fired(struct ktimer *kt);

void thread_init(void)
{
	kmem_cache_init(&thread_cache, "thread", sizeof(struct thread), 16);
}

struct cpu *thread_pick_cpu(void)
{
	for (unsigned tries = 0; tries < ncpu; tries++) {
		unsigned i = __atomic_fetch_add(&next_cpu, 1, __ATOMIC_RELAXED) % ncpu;
		if (cpus[i]->online)
			return cpus[i];
	}
	return this_cpu();
}

static void thread_ipi(struct ipimsg *m);

struct thread *thread_create(struct process *p, struct cpu *c, uaddr_t pc, uaddr_t sp, uint64_t arg,
                             uaddr_t tls, int prio, int policy, int *err)
{
	struct thread *t = kmem_alloc(&thread_cache);

	if (t == NULL) {
		*err = EAGAIN;
		return NULL;
	}
	t->cpu = c;
	t->proc = p;
	t->state = STATE_STOPPED;
	t->prio = t->base_prio = (uint8_t)prio;
	t->boost_prio = 0;
	t->msg_prio = -1;
	t->assoc = NULL;
	t->policy = (uint8_t)policy;
	list_init(&t->rq_link);
	list_init(&t->assoc_link);
	list_init(&t->wq_link);
	t->ipi.fn = thread_ipi;
	ktimer_init(&t->timeout, thread_timeout_fired);
	arch_thread_setup(t, pc, sp, arg, tls);
	if (sync_thread_init(t) < 0) {
		kmem_free(&thread_cache, t);
		*err = EAGAIN;
		return NULL;
	}

	spin_lock(&p->lock);
	if (p->state != PROC_ALIVE) {
		spin_unlock(&p->lock);
		sync_thread_release(t);
		kmem_free(&thread_cache, t);
		*err = ESRCH;
		return NULL;
	}
	int tid = idtab_alloc(&p->threads, t, 1);
	if (tid < 0) {
		spin_unlock(&p->lock);
		sync_thread_release(t);
		kmem_free(&thread_cache, t);
		*err = -tid == ENOMEM ? EAGAIN : -tid;
		return NULL;
	}
	t->tid = tid;
	list_add_tail(&p->thread_list, &t->proc_link);
	p->nthreads++;
	kobj_get(&p->kobj);
	spin_unlock(&p->lock);
	return t;
}

void thread_start(struct thread *t)
{
	if (t->cpu == this_cpu())
		sched_ready(t);
	else
		thread_post(t, MPR_WAKE);
}

void thread_post(struct thread *t, uint32_t bits)
{
	uint32_t old = __atomic_fetch_or(&t->mp_req, bits | MPR_QUEUED, __ATOMIC_ACQ_REL);

	if (old & MPR_DEAD)
		return;
	if (!(old & MPR_QUEUED))
		ipiq_post(t->cpu, &t->ipi);
}

/* Frees t once no message for it is queued (see the comment at the top). */
static void thread_release(struct thread *t)
{
	uint32_t old = __atomic_fetch_or(&t->mp_req, MPR_DEAD, __ATOMIC_ACQ_REL);

	if (old & MPR_QUEUED)
		return; /* thread_ipi() frees it */
	kmem_free(&thread_cache, t);
}

/*
 * Final teardown of a thread that is no longer running, queued or blocked:
 * unlinks it from its process and frees it (or keeps it for ThreadJoin).
 * Runs on t's home hart.
 */
static void thread_finish(struct thread *t)
{
	struct process *p = t->proc;
	struct cpu *c = this_cpu();
	int tid = t->tid; /* once it is a zombie, t may be freed by another hart */

	sync_thread_exit(t);    /* mutexes it holds, its owner id */
	msgprio_thread_exit(t); /* the channel it served */
	if (t->blocked_ref) {
		kobj_put(t->blocked_ref);
		t->blocked_ref = NULL;
	}
	ktimer_cancel(&t->timeout);
	if (c->fp_owner == t)
		c->fp_owner = NULL;
	t->state = STATE_DEAD;
	t->flags |= TF_DEAD;
	signal_thread_exit(t);  /* its pending signals */
	irq_thread_exit(t);     /* its interrupt attachments (kernel/irq) */
	cputime_thread_exit(t); /* its CPU time goes to the process's total */
	/* A stack the kernel mapped goes with the thread (QNX _NTO_TF_ALLOCED_STACK). */
	if ((t->flags & TF_ALLOCED_STACK) && p->state == PROC_ALIVE)
		vm_unmap(p->as, t->stack_lo, t->stack_hi - t->stack_lo);

	/* A thread blocked in ThreadJoin on us takes the exit value now. */
	struct thread *joiner = NULL;
	spin_lock(p->join_wq.lock);
	struct list *l;
	list_for_each(l, &p->join_wq.head)
	{
		struct thread *w = list_entry(l, struct thread, wq_link);
		if (w->blk.join.tid == t->tid) {
			joiner = w;
			break;
		}
	}
	spin_lock(&p->lock);
	bool keep = !t->detached && p->state == PROC_ALIVE && joiner == NULL;
	if (!keep) {
		idtab_remove(&p->threads, (uint32_t)t->tid);
		list_del(&t->proc_link);
	} else {
		t->zombie = true; /* from here on ThreadJoin/ThreadDetach may free it */
	}
	spin_unlock(&p->lock);
	if (joiner) {
		long r = 0;
		if (joiner->blk.join.status &&
		    as_write(p->as, joiner->blk.join.status, &t->exit_value, sizeof(uint64_t)) < 0)
			r = -EFAULT;
		waitq_remove(&p->join_wq, joiner);
		arch_set_retval(joiner, r);
		sched_wake(joiner);
	}
	spin_unlock(p->join_wq.lock);
	if (!keep)
		thread_release(t);
	ipc_thread_died(p, tid);
	proc_thread_exited(p);
	proc_put(p);
}

void thread_free_zombie(struct thread *t)
{
	thread_release(t);
}

void thread_exit_current(uint64_t value)
{
	struct cpu *c = this_cpu();
	struct thread *t = c->cur;

	t->exit_value = value;
	c->cur = NULL;
	/* No hart may keep the address space loaded once its threads are gone. */
	vm_activate(NULL);
	thread_finish(t);
}

void thread_kill_local(struct thread *t)
{
	struct cpu *c = this_cpu();

	KASSERT(t->cpu == c);
	if (t->flags & (TF_DEAD | TF_KILLED))
		return;
	t->flags |= TF_KILLED;
	if (t == c->cur) {
		thread_exit_current(0);
		return;
	}
	waitq_cancel(t, WQ_KILL);
	if (t->state == STATE_READY)
		runq_remove(&c->rq, &t->rq_link, t->prio);
	thread_finish(t);
}

/* A message for t arrived on its home hart. */
static void thread_ipi(struct ipimsg *m)
{
	struct thread *t = container_of(m, struct thread, ipi);
	uint32_t req = __atomic_fetch_and(&t->mp_req, MPR_DEAD, __ATOMIC_ACQ_REL);

	if (req & MPR_DEAD) {
		kmem_free(&thread_cache, t);
		return;
	}
	if (req & MPR_KILL) {
		thread_kill_local(t);
		return;
	}
	if (req & MPR_WAKE) {
		if (t->state == STATE_STOPPED)
			sched_ready(t);
		else
			sched_wake_local(t);
	}
	if (req & MPR_SIGNAL) /* a signal for it: interrupt its call, or resume it */
		signal_kick_local(t);
	if (req & MPR_REPRIO) /* SchedSet, or a priority inherited through a mutex */
		sched_set_prio(t, sync_thread_prio(t), t->req_policy ? t->req_policy : -1);
}

/* t's blocking timeout expired on its home hart. */
void thread_timeout_fired(struct ktimer *kt)
{
	struct thread *t = container_of(kt, struct thread, timeout);

	if (t->flags & TF_DEAD)
		return;
	if (t->wq != NULL) {
		if (!waitq_cancel(t, WQ_TIMEOUT))
			return; /* woken concurrently, or the queue kept it */
	} else if (!t->nowq_block || !(t->tmo_states & (1u << t->state))) {
		return; /* running, ready, a wake is on its way, or not covered */
	}
	/* TimerTimeout(_NTO_TIMEOUT_NANOSLEEP) sleeps until its timeout: success. */
	arch_set_retval(t, t->state == STATE_NANOSLEEP ? 0 : -ETIMEDOUT);
	sched_wake_local(t);
}
