/*
 * signal_deliver.c - acting on pending signals on the way to user mode,
 * and synchronous faults (see signal.h).
 *
 * signal_exit_work() runs on the thread's own hart, right before it
 * would enter user mode, whenever t->sig.work is set: it parks the thread
 * if its process is stopped, restores a SignalSuspend mask, and takes the
 * pending signals it does not block one by one (lowest number first;
 * queued instances in order), running default actions, until it has
 * built one handler frame. If more signals could be acted on under the
 * handler's mask, t->sig.work stays set and the next return to user mode
 * (at the latest the handler's SignalReturn) takes the next one: handlers
 * run one after the other in signal order, and nest only when a handler
 * enters the kernel with such a signal pending.
 */
#include <skimmer/cpu.h>
#include <skimmer/kmem.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/kstring.h>
#include <qsoe/abi/neutrino.h>

/* A handler is any value other than SIG_DFL, SIG_IGN and SIG_HOLD. */
static inline bool is_handler(uaddr_t h)
{
	return h > (uaddr_t)SIG_HOLD;
}

/* The mask a thread runs with while the handler for signo runs. */
static ksigset_t handler_mask(ksigset_t cur, const struct ksigaction *a, int signo)
{
	ksigset_t m = cur | a->mask;

	if (!(a->flags & SA_NODEFER))
		m |= SIGBIT(signo);
	return (m & ~SIG_UNBLOCKABLE) | SIG_SPECIAL;
}

/* The frame could not be written: the process ends as if by SIGSEGV. */
static void frame_failed(struct thread *t, int signo)
{
	struct process *p = t->proc;

	kprintf("skimmer: process %d (%s) thread %d: no room for the frame of signal %d "
	        "(sp %#lx); terminated (signal %d)\n",
	        p->pid, p->name, t->tid, signo, (unsigned long)t->tf.regs[REG_SP], SIGSEGV);
	proc_terminate(p, SIGSEGV);
}

void signal_exit_work(struct cpu *c, struct thread *t)
{
	struct process *p = t->proc;

	/* Staged results of the call that ended first: the frame must save them. */
	if (unlikely(t->xfer.flags))
		xfer_complete(t);
	cancel_exit_work(t); /* a ThreadCancel that may act now (cancel.c) */

	for (;;) {
		spin_lock(&p->lock);
		__atomic_store_n(&t->sig.work, 0u, __ATOMIC_RELAXED);
		if (p->state != PROC_ALIVE || (t->flags & TF_KILLED)) {
			spin_unlock(&p->lock);
			return; /* being torn down: the kill request follows */
		}
		if (p->sig.stopped) {
			/* Park; the continue makes the home hart ready it again. */
			t->sig.jstopped = true;
			t->state = STATE_STOPPED;
			c->need_resched = true;
			__atomic_store_n(&t->sig.work, 1u, __ATOMIC_RELAXED); /* look again then */
			spin_unlock(&p->lock);
			return;
		}
		__siginfo_t info;
		int s = sig_dequeue(t, t->sig.blocked, &info);
		if (s == 0) {
			bool again = false;
			if (t->sig.restore_mask) {
				/* SignalSuspend ended without a handler: its mask goes. */
				t->sig.blocked = t->sig.saved_mask;
				t->sig.restore_mask = false;
				again = true;
			}
			spin_unlock(&p->lock);
			if (again)
				continue;
			return;
		}
		struct ksigaction a = p->sig.act[s - 1];
		if (!is_handler(a.handler)) {
			if (a.handler == (uaddr_t)SIG_IGN && s != SIGSTOP && s != SIGKILL) {
				spin_unlock(&p->lock);
				continue;
			}
			switch (sig_default_action(s)) {
			case SIGDFL_IGN:
			case SIGDFL_CONT:
				spin_unlock(&p->lock);
				continue;
			case SIGDFL_STOP: {
				bool jc = signal_stop_locked(p, s);
				spin_unlock(&p->lock);
				if (jc)
					signal_jc_notify();
				continue; /* parks at the top */
			}
			case SIGDFL_TERM:
				spin_unlock(&p->lock);
				proc_terminate(p, s);
				return;
			}
		}
		if ((a.flags & SA_RESETHAND) && s != SIGILL && s != SIGTRAP) {
			p->sig.act[s - 1].handler = (uaddr_t)SIG_DFL;
			p->sig.act[s - 1].flags &= ~SA_SIGINFO;
		}
		ksigset_t oldmask = t->sig.restore_mask ? t->sig.saved_mask : t->sig.blocked;
		ksigset_t newmask = handler_mask(t->sig.blocked, &a, s);
		t->sig.restore_mask = false;
		uaddr_t stub = p->sig.stub;
		spin_unlock(&p->lock);

		if (!arch_signal_frame(t, stub, a.handler, &info, oldmask & ~SIG_SPECIAL)) {
			frame_failed(t, s);
			return;
		}
		spin_lock(&p->lock);
		t->sig.blocked = newmask;
		if (((t->sig.q.pending | p->sig.q.pending) & ~newmask) || p->sig.stopped)
			__atomic_store_n(&t->sig.work, 1u, __ATOMIC_RELEASE);
		spin_unlock(&p->lock);
		return;
	}
}

void signal_fault(struct thread *t, const char *what, uint64_t addr, int signo, int code)
{
	struct process *p = t->proc;
	struct cpu *c = this_cpu();

	spin_lock(&p->lock);
	const struct ksigaction *a = &p->sig.act[signo - 1];
	bool catch = is_handler(a->handler) && p->sig.stub && !(t->sig.blocked & SIGBIT(signo)) &&
	             p->state == PROC_ALIVE && !(t->sig.q.pending & SIGBIT(signo));
	if (catch) {
		struct sigq *e = kmalloc(sizeof(*e));
		if (e) {
			memset(e, 0, sizeof(*e));
			e->info.si_signo = signo;
			e->info.si_code = code;
			e->info.si_fltno = (int)signo;
			e->info.si_fltip = (void *)t->tf.regs[0];
			/* SIGILL/SIGTRAP: the instruction's address (tval holds its bits). */
			e->info.si_addr = signo == SIGILL || signo == SIGTRAP ? e->info.si_fltip
			                                                      : (void *)addr;
			/* Synchronous: it goes first, ahead of anything queued for the thread. */
			e->next = t->sig.q.head;
			t->sig.q.head = e;
			if (t->sig.q.tail == NULL)
				t->sig.q.tail = e;
			t->sig.q.pending |= SIGBIT(signo);
			__atomic_store_n(&t->sig.work, 1u, __ATOMIC_RELEASE);
			c->need_resched = true;
			spin_unlock(&p->lock);
			return;
		}
	}
	spin_unlock(&p->lock);
	proc_fault(t, what, addr, signo);
}
