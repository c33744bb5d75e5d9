/*
 * kc_irq.c - the interrupt kernel calls: InterruptAttachEvent,
 * InterruptAttachThread, InterruptDetach, InterruptWait, InterruptMask,
 * InterruptUnmask (QNX 8 semantics; see irq.h and docs/abi.md).
 */
#include <skimmer/ipc.h>
#include <skimmer/irq.h>
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>
#include "kcall_protos.h"

#define EV_TYPE(ev) ((ev)->sigev_notify & 0x7f)

/* Attach flags QSOE understands (the others are refused with EINVAL). */
#define ATTACH_FLAGS                                                                 \
	(_NTO_INTR_FLAGS_END | _NTO_INTR_FLAGS_NO_UNMASK | _NTO_INTR_FLAGS_PROCESS | \
	 _NTO_INTR_FLAGS_TRK_MSK | _NTO_INTR_FLAGS_EXCLUSIVE)
#define WAIT_FLAGS (_NTO_INTR_WAIT_FLAGS_FAST | _NTO_INTR_WAIT_FLAGS_UNMASK)

/* Only a thread that was granted I/O privilege (ThreadCtl(_NTO_TCTL_IO)) may attach. */
static bool io_privileged(const struct thread *t)
{
	return (t->flags & TF_IOPRIV) != 0;
}

/* Attaches the caller's process to intr as 'kind'; returns the new id or -errno. */
static long attach(struct thread *t, int intr, unsigned flags, enum irq_kind kind,
                   const struct sigevent *ev)
{
	struct irq_attach *a = irq_attach_alloc();

	if (a == NULL)
		return -EAGAIN;
	a->proc = t->proc;
	a->thr = t;
	a->src = (uint32_t)intr;
	a->flags = flags;
	a->kind = kind;
	if (ev)
		a->ev = *ev;
	int r = irq_attach(a);
	if (r < 0) {
		irq_put(a);
		return r;
	}
	return a->id;
}

/*
 * InterruptAttachEvent(intr, event, flags): every time source intr fires,
 * the kernel masks it and delivers *event for this process: SIGEV_PULSE
 * (a coid of this process), SIGEV_SIGNAL, SIGEV_SIGNAL_CODE,
 * SIGEV_SIGNAL_THREAD (to the calling thread), SIGEV_INTR (the calling
 * thread's InterruptWait returns) or SIGEV_NONE. Returns the interrupt id.
 * EPERM without I/O privilege, EINVAL for a bad source, flags or event
 * type, EFAULT, EBADF (pulse coid), EBUSY (exclusive).
 */
long kc_InterruptAttachEvent(int intr, uaddr_t event, unsigned flags)
{
	struct thread *t = kcall_self();
	struct sigevent ev;

	if (!io_privileged(t))
		return -EPERM;
	if (intr <= 0 || !irq_valid((uint32_t)intr) || (flags & ~ATTACH_FLAGS))
		return -EINVAL;
	if (copyin(&ev, event, sizeof(ev)) < 0)
		return -EFAULT;
	switch (EV_TYPE(&ev)) {
	case SIGEV_INTR & 0x7f:
	case SIGEV_NONE & 0x7f:
		break;
	case SIGEV_PULSE & 0x7f:
	case SIGEV_SIGNAL & 0x7f:
	case SIGEV_SIGNAL_CODE & 0x7f:
	case SIGEV_SIGNAL_THREAD & 0x7f: {
		int r = event_verify(&ev, t->proc);
		if (r < 0)
			return r;
		/* A pulse "at the receiver's priority" goes at the attacher's. */
		if (EV_TYPE(&ev) == (SIGEV_PULSE & 0x7f) &&
		    ev.sigev_priority == SIGEV_PULSE_PRIO_INHERIT)
			ev.sigev_priority = t->prio;
		break;
	}
	default:
		return -EINVAL; /* SIGEV_UNBLOCK, SIGEV_THREAD, SIGEV_MEMORY, unknown */
	}
	return attach(t, intr, flags, IRQ_EVENT, &ev);
}

/*
 * InterruptAttachThread(intr, flags) (QNX 8): the calling thread becomes
 * the interrupt service thread of intr; InterruptWait returns each time it
 * fires, with the source masked. A thread serves one interrupt (EBUSY for a
 * second). _NTO_INTR_FLAGS_PROCESS makes no sense here (EINVAL).
 */
long kc_InterruptAttachThread(int intr, unsigned flags)
{
	struct thread *t = kcall_self();

	if (!io_privileged(t))
		return -EPERM;
	if (intr <= 0 || !irq_valid((uint32_t)intr) ||
	    (flags & ~(ATTACH_FLAGS & ~_NTO_INTR_FLAGS_PROCESS)))
		return -EINVAL;
	return attach(t, intr, flags, IRQ_THREAD, NULL);
}

/* InterruptDetach(id): removes one of this process's attachments. EINVAL if no such id. */
long kc_InterruptDetach(int id)
{
	int r = irq_detach(kcall_self()->proc, id);

	return r == -ESRCH ? -EINVAL : r;
}

/*
 * InterruptWait(flags, timeout): blocks in STATE_INTR until an interrupt
 * for the calling thread arrives (its InterruptAttachThread source or a
 * SIGEV_INTR event it attached), returning at once if one came since the
 * last wait. _NTO_INTR_WAIT_FLAGS_UNMASK first gives back the mask the
 * kernel took when the thread's source last fired. _NTO_INTR_WAIT_FLAGS_FAST
 * is accepted (the wait is always the fast one; TimerTimeout still works).
 * timeout must be NULL (ENOTSUP): use TimerTimeout(_NTO_TIMEOUT_INTR).
 * Returns 0; EINTR, ETIMEDOUT when unblocked.
 */
long kc_InterruptWait(int flags, uaddr_t timeout)
{
	struct thread *t = kcall_self();
	struct process *p = t->proc;

	if ((unsigned)flags & ~WAIT_FLAGS)
		return -EINVAL;
	if (timeout)
		return -ENOTSUP;
	if ((unsigned)flags & _NTO_INTR_WAIT_FLAGS_UNMASK)
		irq_unmask_thread(t);
	spin_lock(p->intr_wq.lock);
	if (t->intr_pending) {
		t->intr_pending = false;
		spin_unlock(p->intr_wq.lock);
		return 0;
	}
	waitq_block(&p->intr_wq, t, STATE_INTR);
	spin_unlock(p->intr_wq.lock);
	return KCALL_BLOCKED;
}

/*
 * The source and attachment named by (intr, id) for InterruptMask/Unmask:
 * with id -1 the source intr itself (needs I/O privilege); otherwise the
 * attachment id of this process, whose own source is used (intr is not
 * looked at, as QNX 8 does). Returns 0 or -errno.
 */
static int mask_target(int intr, int id, struct irq_attach **ap, uint32_t *src)
{
	struct thread *t = kcall_self();

	*ap = NULL;
	if (id == -1) {
		if (!io_privileged(t))
			return -EPERM;
		if (intr <= 0 || !irq_valid((uint32_t)intr))
			return -EINVAL;
		*src = (uint32_t)intr;
		return 0;
	}
	struct irq_attach *a = irq_get(t->proc, id);
	if (a == NULL)
		return -ESRCH;
	*ap = a;
	*src = a->src;
	return 0;
}

/* InterruptMask(intr, id): one more mask on the source. Returns the mask count. */
long kc_InterruptMask(int intr, int id)
{
	struct irq_attach *a;
	uint32_t src;
	int r = mask_target(intr, id, &a, &src);

	if (r < 0)
		return r;
	r = irq_mask(src, a, +1);
	if (a)
		irq_put(a);
	return r;
}

/* InterruptUnmask(intr, id): one mask less (never below 0). Returns the mask count. */
long kc_InterruptUnmask(int intr, int id)
{
	struct irq_attach *a;
	uint32_t src;
	int r = mask_target(intr, id, &a, &src);

	if (r < 0)
		return r;
	r = irq_mask(src, a, -1);
	if (a)
		irq_put(a);
	return r;
}
