/*
 * signal.c - generating signals: queues, target selection, permissions,
 * and the actions that take effect when a signal is posted (see signal.h).
 *
 * Posting never touches another hart's thread state: it queues the
 * siginfo under p->lock, marks the chosen thread (t->sig.work) and posts
 * MPR_SIGNAL to its home hart, where signal_kick_local() interrupts a
 * blocking call with EINTR or completes a SignalWaitinfo(). Handlers run
 * from signal_exit_work() (signal_deliver.c) on the way to user mode.
 */
#include <skimmer/cpu.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <skimmer/waitq.h>
#include <qsoe/abi/neutrino.h>
#include <arch/arch.h>

void sched_wake_local(struct thread *t);

/* ---- Actions ---------------------------------------------------------------- */

enum sig_default sig_default_action(int signo)
{
	switch (signo) {
	case SIGCHLD:
	case SIGURG:
	case SIGWINCH:
	case SIGPWR:
		return SIGDFL_IGN;
	case SIGCONT:
		return SIGDFL_CONT;
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return SIGDFL_STOP;
	default:
		return SIGDFL_TERM; /* "terminate with a dump" is terminate here */
	}
}

bool sig_ignored(struct process *p, int signo)
{
	uaddr_t h = p->sig.act[signo - 1].handler;

	if (h == (uaddr_t)SIG_IGN)
		return signo != SIGKILL && signo != SIGSTOP;
	return h == (uaddr_t)SIG_DFL && sig_default_action(signo) == SIGDFL_IGN;
}

/* Does a second instance of signo queue behind the first? */
static bool sig_queues(struct process *p, int signo)
{
	return (signo >= SIGRTMIN && signo <= SIGRTMAX) ||
	       (p->sig.act[signo - 1].flags & SA_SIGINFO) || signo > SIGRTMAX;
}

/* ---- Queues ------------------------------------------------------------------- */

/*
 * Adds one instance of info->si_signo to q. Returns 0, or -EAGAIN when a
 * duplicate would exceed SIGQUEUE_MAX or memory is short for it.
 */
static int sigq_add(struct process *p, struct sigqueue *q, const __siginfo_t *info)
{
	int signo = info->si_signo;
	bool dup = (q->pending & SIGBIT(signo)) != 0;

	if (dup) {
		if (!sig_queues(p, signo))
			return 0; /* merged with the pending one */
		if (p->sig.nqueued >= SIGQUEUE_MAX)
			return -EAGAIN;
	}
	struct sigq *e = kmalloc(sizeof(*e));
	if (e == NULL) {
		if (dup)
			return -EAGAIN;
		q->bare |= SIGBIT(signo); /* delivered with SI_NOINFO */
		q->pending |= SIGBIT(signo);
		return 0;
	}
	e->info = *info;
	e->next = NULL;
	if (q->tail)
		q->tail->next = e;
	else
		q->head = e;
	q->tail = e;
	q->pending |= SIGBIT(signo);
	if (dup)
		p->sig.nqueued++;
	return 0;
}

/* Recomputes whether signo is still pending in q after a removal. */
static void sigq_recount(struct sigqueue *q, int signo)
{
	if (q->bare & SIGBIT(signo))
		return;
	for (struct sigq *e = q->head; e; e = e->next)
		if (e->info.si_signo == signo)
			return;
	q->pending &= ~SIGBIT(signo);
}

bool sigq_take(struct process *p, struct sigqueue *q, int signo, __siginfo_t *info)
{
	struct sigq *prev = NULL;

	if (!(q->pending & SIGBIT(signo)))
		return false;
	for (struct sigq *e = q->head; e; prev = e, e = e->next) {
		if (e->info.si_signo != signo)
			continue;
		if (prev)
			prev->next = e->next;
		else
			q->head = e->next;
		if (q->tail == e)
			q->tail = prev;
		*info = e->info;
		kfree(e);
		sigq_recount(q, signo);
		/* Another instance still pending means this one was a duplicate. */
		if ((q->pending & SIGBIT(signo)) && p->sig.nqueued)
			p->sig.nqueued--;
		return true;
	}
	/* Only a bare instance. */
	q->bare &= ~SIGBIT(signo);
	q->pending &= ~SIGBIT(signo);
	memset(info, 0, sizeof(*info));
	info->si_signo = signo;
	info->si_code = SI_NOINFO;
	return true;
}

/* Drops every pending instance of the signals in set from q. */
static void sigq_flush(struct process *p, struct sigqueue *q, ksigset_t set)
{
	__siginfo_t info;

	set &= q->pending;
	while (set) {
		int s = sig_first(set);
		while (sigq_take(p, q, s, &info))
			;
		set &= ~SIGBIT(s);
	}
}

/* Frees everything in q. */
static void sigq_free_all(struct process *p, struct sigqueue *q)
{
	sigq_flush(p, q, ~0ULL);
}

int sig_dequeue(struct thread *t, ksigset_t mask, __siginfo_t *info)
{
	struct process *p = t->proc;
	ksigset_t tset = t->sig.q.pending & ~mask;
	ksigset_t pset = p->sig.q.pending & ~mask;
	int s = sig_first(tset | pset);

	if (s == 0)
		return 0;
	if (tset & SIGBIT(s))
		sigq_take(p, &t->sig.q, s, info);
	else
		sigq_take(p, &p->sig.q, s, info);
	return s;
}

void sig_discard(struct process *p, ksigset_t set)
{
	struct list *l;

	sigq_flush(p, &p->sig.q, set);
	list_for_each(l, &p->thread_list)
	{
		struct thread *t = list_entry(l, struct thread, proc_link);
		sigq_flush(p, &t->sig.q, set);
	}
}

/* ---- Notification --------------------------------------------------------------- */

void sig_notify_thread(struct thread *t)
{
	struct cpu *c = this_cpu();

	if (t->zombie || (t->flags & TF_DEAD))
		return;
	__atomic_store_n(&t->sig.work, 1u, __ATOMIC_RELEASE);
	if (t == c->cur && t->cpu == c && t->state == STATE_RUNNING) {
		c->need_resched = true; /* in a kernel call now: look before returning */
		return;
	}
	thread_post(t, MPR_SIGNAL);
}

/* Is t waiting in SignalWaitinfo() for signo? */
static bool sig_waits_for(struct thread *t, int signo)
{
	return t->state == STATE_SIGWAITINFO && (t->sig.waitset & SIGBIT(signo));
}

/*
 * Chooses the thread of p that should act on a process-directed signo:
 * one waiting for it in SignalWaitinfo, else the caller if it does not
 * block it, else a running or ready thread, else any that does not block
 * it. NULL if every thread blocks it (it stays pending on the process).
 */
static struct thread *sig_pick_thread(struct process *p, int signo)
{
	struct thread *self = this_cpu()->cur;
	struct thread *blocked_one = NULL, *runnable = NULL;
	struct list *l;

	list_for_each(l, &p->thread_list)
	{
		struct thread *t = list_entry(l, struct thread, proc_link);
		if (t->zombie || (t->flags & TF_DEAD))
			continue;
		if (sig_waits_for(t, signo))
			return t;
		if (t->sig.blocked & SIGBIT(signo))
			continue;
		if (t->state == STATE_RUNNING || t->state == STATE_READY) {
			if (runnable == NULL)
				runnable = t;
		} else if (blocked_one == NULL) {
			blocked_one = t;
		}
	}
	if (self && self->proc == p && !(self->sig.blocked & SIGBIT(signo)) && !self->zombie)
		return self;
	return runnable ? runnable : blocked_one;
}

void sig_repost_locked(struct process *p, int signo)
{
	struct thread *t = sig_pick_thread(p, signo);

	if (t && (!(t->sig.blocked & SIGBIT(signo)) || sig_waits_for(t, signo)))
		sig_notify_thread(t);
}

/* Makes every live thread of p look at its signal state (p->lock held). */
static void sig_notify_all(struct process *p)
{
	struct list *l;

	list_for_each(l, &p->thread_list)
	{
		sig_notify_thread(list_entry(l, struct thread, proc_link));
	}
}

/* ---- Posting ------------------------------------------------------------------------ */

bool signal_allowed(struct process *from, struct process *to, int signo)
{
	if (to->flags & PROC_F_SYSMGR)
		return false; /* the process manager cannot be signalled */
	if (from == NULL || from == to || (from->flags & PROC_F_SYSMGR))
		return true;
	const struct cred *a = &from->cred, *b = &to->cred;
	if (a->euid == 0)
		return true;
	if (a->ruid == b->ruid || a->ruid == b->suid || a->euid == b->ruid || a->euid == b->suid)
		return true;
	return signo == SIGCONT && from->sid != 0 && from->sid == to->sid;
}

/*
 * Posts info to p (t == NULL) or its thread t with p->lock held. Sets
 * *term when the process must now be terminated by the signal (done by
 * the caller once the lock is dropped) and *jc when a job-control event
 * was recorded. Returns 0 or -EAGAIN.
 */
static int post_locked(struct process *p, struct thread *t, const __siginfo_t *info, bool *term,
                       bool *jc)
{
	int signo = info->si_signo;

	if (signo == SIGKILL) {
		*term = true;
		return 0;
	}
	if (p->state != PROC_ALIVE || (t && (t->zombie || (t->flags & TF_DEAD))))
		return 0; /* already going away: nothing left to act */
	struct ksigaction *act = &p->sig.act[signo - 1];
	if (signo == SIGCHLD && (info->si_code == CLD_STOPPED || info->si_code == CLD_CONTINUED) &&
	    (act->flags & SA_NOCLDSTOP))
		return 0;
	/* Generating SIGCONT continues the process whatever its action (POSIX). */
	if (signo == SIGCONT) {
		sig_discard(p,
		            SIGBIT(SIGSTOP) | SIGBIT(SIGTSTP) | SIGBIT(SIGTTIN) | SIGBIT(SIGTTOU));
		*jc = signal_continue_locked(p) || *jc;
	}
	enum sig_default dfl = sig_default_action(signo);
	struct thread *target = t ? t : sig_pick_thread(p, signo);
	bool blocked = target == NULL || (target->sig.blocked & SIGBIT(signo));
	bool waited = target && sig_waits_for(target, signo);

	if (!blocked || waited) {
		if (sig_ignored(p, signo) && !waited)
			return 0; /* discarded when generated */
		if (act->handler == (uaddr_t)SIG_DFL && !waited) {
			if (dfl == SIGDFL_TERM) {
				*term = true;
				return 0;
			}
			if (dfl == SIGDFL_STOP) {
				sig_discard(p, SIGBIT(SIGCONT));
				*jc = signal_stop_locked(p, signo) || *jc;
				return 0;
			}
			if (dfl == SIGDFL_CONT)
				return 0; /* the continue is done */
		}
	}
	if (dfl == SIGDFL_STOP)
		sig_discard(p, SIGBIT(SIGCONT));
	int r = sigq_add(p, t ? &t->sig.q : &p->sig.q, info);
	if (r == 0 && target && (!blocked || waited))
		sig_notify_thread(target);
	return r;
}

/* Completes a post after p->lock is dropped. */
static int post_finish(struct process *p, int r, int signo, bool term, bool jc)
{
	if (term)
		proc_terminate(p, signo);
	if (jc)
		signal_jc_notify();
	return r;
}

int signal_post_info(struct process *p, struct thread *t, const __siginfo_t *info)
{
	bool term = false, jc = false;

	if (info->si_signo < 1 || info->si_signo > _SIGMAX)
		return -EINVAL;
	spin_lock(&p->lock);
	int r = post_locked(p, t, info, &term, &jc);
	spin_unlock(&p->lock);
	return post_finish(p, r, info->si_signo, term, jc);
}

int signal_post_tid(struct process *p, int tid, const __siginfo_t *info)
{
	bool term = false, jc = false;
	int r;

	if (info->si_signo < 0 || info->si_signo > _SIGMAX)
		return -EINVAL;
	spin_lock(&p->lock);
	struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL || t->zombie || (t->flags & TF_DEAD))
		r = -ESRCH;
	else if (info->si_signo == 0)
		r = 0; /* only checking that it exists */
	else
		r = post_locked(p, t, info, &term, &jc);
	spin_unlock(&p->lock);
	return post_finish(p, r, info->si_signo, term, jc);
}

int signal_post(struct process *p, struct thread *t, int signo, int code, union sigval value,
                struct process *from)
{
	__siginfo_t info;

	memset(&info, 0, sizeof(info));
	info.si_signo = signo;
	info.si_code = code;
	if (from) {
		info.si_pid = from->pid;
		info.si_uid = from->cred.ruid;
	}
	info.si_value = value;
	return signal_post_info(p, t, &info);
}

/* ---- Home-hart side ------------------------------------------------------------------ */

/* A thread blocked in a state a signal may end (not parked, not dying). */
static bool interruptible(struct thread *t)
{
	switch (t->state) {
	case STATE_RUNNING:
	case STATE_READY:
	case STATE_STOPPED:
	case STATE_DEAD:
		return false;
	default:
		return true;
	}
}

/* Ends t's blocking kernel call with result r (t not on any queue now). */
static void sig_unblock(struct thread *t, long r)
{
	arch_set_retval(t, r);
	sched_wake_local(t);
}

void signal_kick_local(struct thread *t)
{
	struct process *p = t->proc;
	__siginfo_t info;
	int got = 0;

	if (t->flags & (TF_DEAD | TF_KILLED))
		return;
	/* A pending ThreadCancel: its cancelability is in user memory (read unlocked). */
	bool can_async = false, can_on = false;
	if (__atomic_load_n(&t->sig.cancel_pending, __ATOMIC_ACQUIRE))
		can_on = cancel_enabled(t, &can_async);
	spin_lock(&p->lock);
	bool resume = t->sig.jstopped && !p->sig.stopped;
	if (resume)
		t->sig.jstopped = false;
	bool act = false;
	uaddr_t wait_info = 0;
	if (t->state == STATE_SIGWAITINFO && !resume) {
		got = sig_dequeue(t, ~t->sig.waitset, &info);
		wait_info = t->sig.wait_info;
	}
	if (!got && !resume && interruptible(t))
		act = ((t->sig.q.pending | p->sig.q.pending) & ~t->sig.blocked) != 0;
	if (!got && !resume && interruptible(t) && t->sig.cancel_pending && can_on &&
	    (can_async || cancel_blocked_point(t))) {
		t->sig.cancel_point = true; /* cancel_exit_work acts once it is out */
		act = true;
	}
	spin_unlock(&p->lock);

	if (resume) {
		sched_ready(t);
		return;
	}
	if (got) {
		long r = got;
		if (wait_info && as_write(p->as, wait_info, &info, sizeof(info)) < 0)
			r = -EFAULT;
		t->nowq_block = false;
		sig_unblock(t, r);
		return;
	}
	if (!act)
		return;
	if (t->wq != NULL) {
		if (waitq_cancel(t, WQ_SIGNAL))
			sig_unblock(t, -EINTR);
		/* else: woken concurrently, or kept (REPLY with _NTO_CHF_UNBLOCK) */
	} else if (t->nowq_block) {
		sig_unblock(t, -EINTR);
	}
}

/* ---- Thread and process life cycle ------------------------------------------------------ */

void signal_thread_created(struct thread *t, struct thread *creator)
{
	struct process *p = t->proc;

	spin_lock(&p->lock);
	t->sig.blocked = SIG_SPECIAL;
	if (creator && creator->proc == p)
		t->sig.blocked |= creator->sig.blocked;
	if (p->sig.stopped)
		__atomic_store_n(&t->sig.work, 1u, __ATOMIC_RELEASE);
	spin_unlock(&p->lock);
}

void signal_thread_exit(struct thread *t)
{
	struct process *p = t->proc;

	spin_lock(&p->lock);
	sigq_free_all(p, &t->sig.q);
	spin_unlock(&p->lock);
}

void signal_proc_exit(struct process *p)
{
	spin_lock(&p->lock);
	sigq_free_all(p, &p->sig.q);
	spin_unlock(&p->lock);
	signal_jc_drop(p); /* an unreported stop/continue goes with it */
}

/* Used by the job-control code: wake every thread to park or resume. */
void sig_jobctl_notify_all(struct process *p)
{
	sig_notify_all(p);
}
