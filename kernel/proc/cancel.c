/*
 * cancel.c - ThreadCancel: QNX thread cancellation.
 *
 * ThreadCancel(tid, canstub) records a request on the target thread (its
 * stub and a pending flag, under the process lock) and marks it for the
 * exit-path work signals use (t->sig.work), so its home hart looks at it.
 * Whether and when the request acts depends on the target's cancelability,
 * which the C library keeps in its TLS block (__flags, _QSOE_TLS_CANCEL_*):
 *
 *   disabled            the request stays pending;
 *   enabled, deferred   it acts at a cancellation point: a thread blocked
 *                       in one is interrupted (as a signal interrupts it,
 *                       so a REPLY-blocked client of an _NTO_CHF_UNBLOCK
 *                       channel waits for its server's answer), and a
 *                       thread entering one never makes the call;
 *   enabled, async      it acts at the thread's next return to user mode.
 *
 * Acting means the thread resumes in user mode at canstub (the registers
 * otherwise as they were), which must end the thread (pthread_exit).
 * The cancellation points are the kernel calls marked [cancel] in
 * abi/kcalls.def and the blocking states those calls wait in.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <arch/memlayout.h>
#include <qsoe/abi/tls.h>
#include "kcall_protos.h"

bool cancel_enabled(struct thread *t, bool *async)
{
	uaddr_t tls = t->tf.regs[REG_TP] - sizeof(struct _thread_local_storage);
	uaddr_t at = tls + offsetof(struct _thread_local_storage, __flags);
	unsigned flags;
	int r = t == this_cpu()->cur ? copyin(&flags, at, sizeof(flags))
	                             : as_read(t->proc->as, &flags, at, sizeof(flags));

	if (r < 0)
		return false; /* no readable TLS block: as if disabled */
	*async = flags & _QSOE_TLS_CANCEL_ASYNC;
	return !(flags & _QSOE_TLS_CANCEL_DISABLE);
}

bool cancel_blocked_point(const struct thread *t)
{
	switch (t->state) {
	case STATE_SEND:
	case STATE_REPLY:
		return !t->blk.send.nc;
	case STATE_RECEIVE:
	case STATE_CONDVAR:
	case STATE_SEM:
	case STATE_JOIN:
	case STATE_NANOSLEEP:
	case STATE_SIGSUSPEND:
	case STATE_SIGWAITINFO:
	case STATE_INTR:
		return true;
	default:
		return false;
	}
}

/* Sends the current thread t to its cancellation stub. Caller holds p->lock. */
static void cancel_act_locked(struct thread *t)
{
	t->tf.regs[0] = t->sig.cancel_stub;
	t->sig.cancel_pending = false;
	t->sig.cancel_point = false;
}

void cancel_exit_work(struct thread *t)
{
	struct process *p = t->proc;
	bool async = false;

	if (!__atomic_load_n(&t->sig.cancel_pending, __ATOMIC_ACQUIRE))
		return;
	bool enabled = cancel_enabled(t, &async);
	spin_lock(&p->lock);
	if (t->sig.cancel_pending && enabled && (async || t->sig.cancel_point))
		cancel_act_locked(t);
	else
		t->sig.cancel_point = false; /* it left the call some other way */
	spin_unlock(&p->lock);
}

bool cancel_at_entry(struct thread *t)
{
	struct process *p = t->proc;
	bool async = false;
	bool acted = false;

	if (!cancel_enabled(t, &async))
		return false;
	spin_lock(&p->lock);
	if (t->sig.cancel_pending) {
		cancel_act_locked(t);
		acted = true;
	}
	spin_unlock(&p->lock);
	return acted;
}

long kc_ThreadCancel(int tid, uaddr_t canstub)
{
	struct thread *self = kcall_self();
	struct process *p = self->proc;

	if (canstub == 0 || !user_range_ok(canstub, 4))
		return -EINVAL; /* QNX: a canstub must be given */
	if (tid == 0)
		tid = self->tid;
	if (tid < 0)
		return -EINVAL;
	spin_lock(&p->lock);
	struct thread *t = idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL || t->zombie || (t->flags & TF_DEAD)) {
		spin_unlock(&p->lock);
		return -ESRCH;
	}
	t->sig.cancel_stub = canstub;
	__atomic_store_n(&t->sig.cancel_pending, true, __ATOMIC_RELEASE);
	sig_notify_thread(t); /* its home hart interrupts or marks it */
	spin_unlock(&p->lock);
	return 0;
}
