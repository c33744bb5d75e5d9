/*
 * irq.h - device interrupts delivered to user threads (kernel/irq/).
 *
 * Interrupt numbers are PLIC source numbers, 1 .. plat.plic_ndev (the
 * "interrupts" property of the device in the devicetree). A process
 * attaches to a source with InterruptAttachEvent (the kernel delivers an
 * event every time the source fires) or InterruptAttachThread (the calling
 * thread wakes from InterruptWait). Each attachment has an id in the
 * process's table p->irqs (ids start at 1).
 *
 * Masking follows QNX: a source has a mask count and is enabled in the PLIC
 * only while the count is zero and something is attached. Each delivery
 * masks the source once per attachment (the kernel's automatic
 * InterruptMask); each attachment remembers the masks it holds, and
 * detaching (or the end of its thread or process) gives them back. A mask
 * is the source's PLIC priority set to 0, so it holds on every hart.
 *
 * Routing: a source is enabled on the PLIC context of one hart only, the
 * home hart of its first attachment's thread; the route follows that thread
 * when it moves (checked at every delivery and every mask change). Claim
 * and complete happen on the hart that took the interrupt. Nothing on this
 * path runs in or waits for a user process.
 *
 * Locks: each source has a lock that protects its attachment list, its mask
 * count and route, and the masks and thread pointer of its attachments.
 * Lock order: source lock, then process lock, then p->intr_wq's lock, then
 * channel locks (event delivery).
 */
#ifndef SKIMMER_IRQ_H
#define SKIMMER_IRQ_H

#include <skimmer/kobj.h>
#include <skimmer/list.h>
#include <skimmer/types.h>
#include <qsoe/abi/signal.h>

struct cpu;
struct process;
struct thread;

/* How an attachment is notified. */
enum irq_kind {
	IRQ_EVENT,  /* InterruptAttachEvent: deliver ev */
	IRQ_THREAD, /* InterruptAttachThread: wake thr from InterruptWait */
};

struct irq_attach {
	struct kobj kobj;     /* one reference from p->irqs, others from lookups */
	struct list link;     /* on the source's list (source lock) */
	struct process *proc; /* owner; valid while attached */
	struct thread *thr;   /* attaching thread; NULL once it ended (PROCESS flag) */
	uint32_t src;         /* PLIC source number */
	int id;               /* in proc->irqs */
	unsigned flags;       /* _NTO_INTR_FLAGS_* */
	enum irq_kind kind;
	struct sigevent ev; /* IRQ_EVENT */
	unsigned masks;     /* masks this attachment holds (source lock) */
	bool attached;      /* still on the source's list (source lock) */
	uint64_t count;     /* deliveries (statistics) */
};

/* Per-process set-up and teardown (proc.c). */
void irq_proc_init(struct process *p);
void irq_proc_cleanup(struct process *p);

/* Thread t (of t->proc) is ending: its attachments go (thread.c, home hart). */
void irq_thread_exit(struct thread *t);

/* Handles a source the PLIC handed to hart c (between claim and complete). */
void irq_handle(struct cpu *c, uint32_t src);

/* ---- Inside kernel/irq ---------------------------------------------------- */

/* True if src is a PLIC source number of this machine. */
bool irq_valid(uint32_t src);

/* A zeroed attachment holding one reference (the one p->irqs will own), or NULL. */
struct irq_attach *irq_attach_alloc(void);

/*
 * Attaches a to source a->src (a->proc, a->thr, a->flags, a->kind, a->ev
 * filled in). Stores the new id in a->id. Returns 0, -EBUSY (exclusive
 * conflict, or the thread already has an InterruptAttachThread), -ESRCH
 * (process dying), -EAGAIN / -ENOMEM.
 */
int irq_attach(struct irq_attach *a);

/* Detaches attachment id of p. Returns 0 or -ESRCH (no such id). */
int irq_detach(struct process *p, int id);

/* Looks up attachment id of p and takes a reference; NULL if none. */
struct irq_attach *irq_get(struct process *p, int id);
void irq_put(struct irq_attach *a);

/*
 * Masks (delta +1) or unmasks (delta -1) source src, for attachment a or,
 * with a == NULL, without tracking (id -1). An unmask never takes the count
 * below zero. Returns the source's mask count afterwards.
 */
int irq_mask(uint32_t src, struct irq_attach *a, int delta);

/* InterruptWait's _NTO_INTR_WAIT_FLAGS_UNMASK: gives back the delivery mask of t's IST attachment. */
void irq_unmask_thread(struct thread *t);

/* Makes t's InterruptWait return (or leaves it pending). Caller holds the source lock. */
void irq_wake_thread(struct process *p, struct thread *t);

#endif
