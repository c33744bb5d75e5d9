/*
 * thread.h - the thread object.
 *
 * Ownership rules (LWKT): a thread belongs to one hart, t->cpu. Only that
 * hart changes t->state, links it on its run queue, arms its timers or
 * frees it. Other harts ask through t->ipi with request bits in t->mp_req.
 * While the thread is blocked on a waitq, the fields in the "blocking"
 * group belong to whoever holds that waitq's lock (see waitq.h).
 */
#ifndef SKIMMER_THREAD_H
#define SKIMMER_THREAD_H

#include <skimmer/ipc.h>
#include <skimmer/ipiq.h>
#include <skimmer/kobj.h>
#include <skimmer/ktimer.h>
#include <skimmer/list.h>
#include <skimmer/signal.h>
#include <skimmer/sync.h>
#include <skimmer/types.h>
#include <skimmer/xfer.h>
#include <arch/trapframe.h>

struct cpu;
struct irq_attach;
struct process;
struct waitq;

/* Cross-hart request bits in t->mp_req. */
#define MPR_QUEUED 0x1u  /* t->ipi is on the home hart's queue */
#define MPR_WAKE   0x2u  /* t was taken off a waitq: make it runnable */
#define MPR_KILL   0x4u  /* end the thread */
#define MPR_REPRIO 0x8u  /* recompute the effective priority */
#define MPR_SIGNAL 0x10u /* a signal was posted: interrupt or resume it (signal.c) */

/* t->flags (home hart). */
#define TF_DEAD          0x2u  /* exited; waiting to be joined or freed */
#define TF_KILLED        0x4u  /* a kill is pending or in progress */
#define TF_IOPRIV        0x8u  /* ThreadCtl(_NTO_TCTL_IO) granted */
#define TF_ALLOCED_STACK 0x10u /* the kernel mapped its stack: unmapped at exit */

struct thread {
	struct trapframe tf; /* user registers */
	struct fpstate fp;   /* user FP registers, saved lazily */

	struct cpu *cpu; /* home hart */
	struct process *proc;
	int tid;
	uint8_t state;         /* STATE_* (QNX) */
	uint8_t prio;          /* effective priority: thread_eff_prio(), applied */
	uint8_t base_prio;     /* priority set by the user */
	uint8_t boost_prio;    /* server boost from waiting clients, 0 if none (msgprio.c) */
	int16_t msg_prio;      /* priority of the message it serves, -1 if none (msgprio.c) */
	uint8_t policy;        /* SCHED_FIFO / SCHED_RR / SCHED_OTHER */
	uint32_t flags;        /* TF_* (home hart) */
	bool detached;         /* no one will join it (proc->lock) */
	bool zombie;           /* exited, kept for ThreadJoin (proc->lock) */
	uint8_t req_policy;    /* SchedSet from another hart: policy to apply */
	struct list rq_link;   /* on cpu->rq while READY */
	struct list proc_link; /* on proc->threads */

	/* Cross-hart requests. */
	struct ipimsg ipi;
	uint32_t mp_req; /* MPR_* (atomic) */

	/* Blocking (see waitq.h). */
	struct waitq *wq; /* queue blocked on, NULL if none */
	struct list wq_link;
	struct kobj *blocked_ref;  /* reference held while blocked */
	struct ktimer timeout;     /* bounds the current blocking state */
	uint32_t timeout_states;   /* TimerTimeout: states the next timeout applies to */
	uint64_t timeout_deadline; /* TimerTimeout: absolute deadline (ticks) */
	uint32_t tmo_states;       /* states the armed timeout applies to */
	bool nowq_block; /* blocked with no waitq (sleep, InterruptWait): home hart only */

	/* Arguments of the blocking kernel call, for whoever completes it. */
	union {
		struct {
			pid_t pid;
			int flags; /* PROCWAIT_* */
			uaddr_t info;
		} procwait;
		struct {
			int tid;
			uaddr_t status;
		} join;
		struct ipc_send send;
		struct ipc_recv recv;
		struct {
			uaddr_t otime; /* where the time left goes if a signal ends it */
		} sleep;               /* TimerTimeout(_NTO_TIMEOUT_NANOSLEEP) */
	} blk;

	/* Interrupts (irq.h): the InterruptAttachThread attachment (proc->lock) and
	 * an interrupt that came while not in InterruptWait (proc->intr_wq lock). */
	struct irq_attach *intr_attach;
	bool intr_pending;

	/* For ProcInfo: the channel owner/channel of the last IPC block (ints, no references). */
	struct channel *assoc;  /* channel it last received on, referenced (msgprio.c) */
	struct list assoc_link; /* on assoc->assoc (assoc->lock) */
	pid_t ipc_peer_pid;
	int ipc_peer_chid;

	struct xfer xfer; /* small copy staged for the return to user mode */

	/* Exit and join. */
	uint64_t exit_value;
	struct thread *joiner; /* thread blocked in ThreadJoin on us */

	uaddr_t stack_lo; /* user stack [stack_lo, stack_hi) if the kernel made it known */
	uaddr_t stack_hi;
	uint64_t run_ticks; /* CPU time consumed, in timebase ticks */
	uint64_t last_start;

	/* Mutexes, condvars, semaphores: owner id, inheritance, waits (sync.h). */
	struct sync_thread sync;

	/* Signals: mask, pending queue, the exit-path flag (signal.h). */
	struct thread_signals sig;

	char name[_NTO_THREAD_NAME_MAX]; /* ThreadCtl(_NTO_TCTL_NAME); "" if unnamed (proc->lock) */
};

/*
 * Creates a thread in process p on hart c, ready to enter user mode at
 * 'pc' with a0 = arg, sp = sp, tp = tls. Returns it (not yet runnable:
 * call thread_start) or NULL with *err set (EAGAIN, ENOMEM).
 */
struct thread *thread_create(struct process *p, struct cpu *c, uaddr_t pc, uaddr_t sp, uint64_t arg,
                             uaddr_t tls, int prio, int policy, int *err);

/* Makes a new thread runnable on its home hart (any hart may call). */
void thread_start(struct thread *t);

/* Posts request bits to t's home hart. Caller must keep t alive (see proc.c). */
void thread_post(struct thread *t, uint32_t bits);

/*
 * Ends the current thread (on its home hart) with exit value 'value'.
 * Returns with cpu->cur == NULL; the caller must go to the scheduler.
 */
void thread_exit_current(uint64_t value);

/* Kills t, which lives on the current hart. */
void thread_kill_local(struct thread *t);

/* Frees an exited joinable thread nobody joined (process teardown). */
void thread_free_zombie(struct thread *t);

/* Picks the hart for a new thread (round-robin over online harts). */
struct cpu *thread_pick_cpu(void);

/*
 * A thread's effective priority if its own priority were 'own': raised by
 * what it inherits through mutexes and by the server boost. Any hart.
 */
static inline int thread_prio_with(const struct thread *t, int own)
{
	int m = __atomic_load_n(&t->sync.mutex_prio, __ATOMIC_RELAXED);
	int b = __atomic_load_n(&t->boost_prio, __ATOMIC_RELAXED);

	return MAX(own, MAX(m, b));
}

/*
 * The priority t should run at: the priority of the message it serves
 * (QNX message inheritance, which replaces its own) or else its own,
 * raised by mutex inheritance and the server boost. Any hart.
 */
static inline int thread_eff_prio(const struct thread *t)
{
	int own = __atomic_load_n(&t->msg_prio, __ATOMIC_RELAXED);

	if (own < 0)
		own = __atomic_load_n(&t->base_prio, __ATOMIC_RELAXED);
	return thread_prio_with(t, own);
}

#endif
