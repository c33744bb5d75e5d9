/*
 * signal.h - POSIX/QNX signals in Skimmer.
 *
 * A signal is posted to a process (any thread that does not block it may
 * take it) or to one thread. Pending instances carry their siginfo in a
 * FIFO queue per process and per thread; real-time signals (SIGRTMIN..
 * SIGRTMAX) and signals whose action has SA_SIGINFO queue every instance,
 * the others at most one per queue. Per process: the actions, the queue,
 * the job-control state. Per thread: the blocked mask, its own queue.
 *
 * Delivery happens on the way back to user mode: the scheduler tests one
 * per-thread flag (t->sig.work) and, when set, calls signal_exit_work(),
 * which runs default actions or builds a frame on the user stack and
 * enters the process's trampoline (SignalAction's sigstub). SignalReturn
 * restores what the frame saved.
 *
 * Locking: every field here is protected by the process's p->lock (the
 * thread fields by the lock of the thread's process), except t->sig.work
 * (set under p->lock, read without it) and t->sig.jstopped (home hart).
 * signal_post() takes p->lock: call it with no spinlock held.
 */
#ifndef SKIMMER_SIGNAL_H
#define SKIMMER_SIGNAL_H

#include <skimmer/list.h>
#include <skimmer/types.h>
#include <qsoe/abi/signal.h>

struct process;
struct thread;
struct cpu;
struct proc_exitinfo;

typedef uint64_t ksigset_t; /* bit (signo - 1) for signals 1.._SIGMAX */

#define SIGBIT(s) (1ULL << ((unsigned)(s)-1u))

/* Signals that cannot be blocked (QNX: SIGKILL, SIGSTOP and SIGCONT). */
#define SIG_UNBLOCKABLE (SIGBIT(SIGKILL) | SIGBIT(SIGSTOP) | SIGBIT(SIGCONT))
/* QNX's special signals 57..64: always blocked, cannot be caught. */
#define SIG_SPECIAL (~0ULL << (SIGRTMAX + 1 - 1))

/*
 * Queued instances a process may hold beyond the first one of each signal
 * (the real-time and SA_SIGINFO duplicates), all its threads included.
 * Posting more fails with EAGAIN (sigqueue's "no resources").
 */
#define SIGQUEUE_MAX 1024

struct ksigaction {
	uaddr_t handler; /* SIG_DFL (0), SIG_IGN (1) or a user function */
	uint32_t flags;  /* SA_* */
	ksigset_t mask;  /* added to the blocked set while the handler runs */
};

/* One pending instance of a signal. */
struct sigq {
	struct sigq *next;
	__siginfo_t info;
};

/* A FIFO of pending instances; all-zero is an empty queue. */
struct sigqueue {
	struct sigq *head, *tail;
	ksigset_t pending; /* signals with at least one instance (or bare) */
	ksigset_t bare;    /* pending without an entry (no memory): SI_NOINFO */
};

struct proc_signals {
	uaddr_t stub; /* the trampoline handlers are entered through */
	struct ksigaction act[_SIGMAX];
	struct sigqueue q; /* process-directed signals */
	uint32_t nqueued;  /* duplicates queued in the process and its threads */
	bool stopped;      /* job control: the process is stopped */
	/* An unreported job-control event for taskman's ProcWait. */
	bool jc_queued;
	int jc_event;  /* PROCWAIT_EV_STOPPED / PROCWAIT_EV_CONTINUED */
	int jc_status; /* wait status: (signo << 8) | 0x7f, or 0xffff */
	struct list jc_link;
};

struct thread_signals {
	uint32_t work;     /* nonzero: signal_exit_work() must run before user mode */
	bool jstopped;     /* parked in STATE_STOPPED by job control (home hart) */
	bool restore_mask; /* SignalSuspend: saved_mask goes back after delivery */
	ksigset_t blocked;
	ksigset_t saved_mask;
	ksigset_t waitset; /* SignalWaitinfo: the signals waited for */
	uaddr_t wait_info; /* SignalWaitinfo: where the siginfo goes */
	struct sigqueue q; /* thread-directed signals */
	/* ThreadCancel (cancel.c) */
	uaddr_t cancel_stub; /* where the cancelled thread jumps */
	bool cancel_pending; /* requested, not yet acted on */
	bool cancel_point;   /* interrupted in, or entering, a cancellation point */
};

/*
 * Posts signo to process p (t == NULL) or to its thread t, with code and
 * value for the siginfo. 'from' is the sender's process (NULL: the
 * kernel), whose pid and real uid go into the siginfo for si_code <= 0.
 * Runs or schedules the action: default actions that terminate, stop or
 * continue take effect at once unless the signal is blocked; handlers run
 * when a thread next returns to user mode. Returns 0, -EINVAL (bad
 * signo), -EAGAIN (queue limit or no memory for a queued signal).
 * Takes p->lock; the caller holds no spinlock and a reference on p.
 */
int signal_post(struct process *p, struct thread *t, int signo, int code, union sigval value,
                struct process *from);

/* Like signal_post() but with a complete siginfo (faults, SIGCHLD). */
int signal_post_info(struct process *p, struct thread *t, const __siginfo_t *info);

/*
 * Posts to the thread tid of p (looked up under p->lock). info->si_signo
 * 0 only checks that the thread exists. Returns 0, -ESRCH, -EINVAL, -EAGAIN.
 */
int signal_post_tid(struct process *p, int tid, const __siginfo_t *info);

/*
 * May 'from' signal 'to' (POSIX rules: root, or the sender's real or
 * effective uid matches the target's real or saved uid; SIGCONT within a
 * session)? taskman may signal anyone; nobody may signal taskman.
 */
bool signal_allowed(struct process *from, struct process *to, int signo);

/*
 * Cancellation (cancel.c). cancel_enabled: t's cancelability from its TLS
 * (reads user memory: no spinlock held); *async gets its type.
 * cancel_blocked_point: t is blocked in a call that is a cancellation
 * point (p->lock held). cancel_exit_work: from signal_exit_work, t current:
 * acts on a pending cancellation that may act now (sends t to its stub).
 * cancel_at_entry: kcall entry of a cancellation point with a request
 * pending; returns true if t was sent to its stub instead of making it.
 */
bool cancel_enabled(struct thread *t, bool *async);
bool cancel_blocked_point(const struct thread *t);
void cancel_exit_work(struct thread *t);
bool cancel_at_entry(struct thread *t);

/* Home-hart part of a post: interrupts a blocked t, resumes a parked one. */
void signal_kick_local(struct thread *t);

/*
 * Called by the scheduler before t (the current thread of this hart, its
 * address space active) enters user mode with t->sig.work set. Runs
 * pending actions; afterwards t may be parked (STATE_STOPPED) or dying,
 * in which case the scheduler picks again.
 */
void signal_exit_work(struct cpu *c, struct thread *t);

/*
 * A synchronous fault of the current thread (trap.c). If the process has
 * a handler for signo that the thread does not block, queues the signal
 * with si_code 'code' and si_addr 'addr' (the pc for SIGILL and SIGTRAP,
 * whose 'addr' is the instruction) and returns; otherwise reports
 * the fault and terminates the process (proc_fault()).
 */
void signal_fault(struct thread *t, const char *what, uint64_t addr, int signo, int code);

/* A new thread of p (created by 'creator', NULL for the first) inherits its mask. */
void signal_thread_created(struct thread *t, struct thread *creator);

/* Frees a thread's pending signals when it ends (its process's lock is not held). */
void signal_thread_exit(struct thread *t);

/* Frees a process's pending signals and job-control record (proc_finish). */
void signal_proc_exit(struct process *p);

/*
 * Job control (signal_jobctl.c). signal_stop()/signal_continue() change
 * p's state with p->lock held and return true if an event for taskman was
 * recorded (the caller then calls signal_jc_notify() without locks).
 */
bool signal_stop_locked(struct process *p, int signo);
bool signal_continue_locked(struct process *p);
void signal_jc_notify(void);

/*
 * Takes the oldest unreported job-control event of a process matching
 * pid (-1: any), filling *info. Returns its pid, or 0 if none.
 */
pid_t signal_jc_take(pid_t pid, struct proc_exitinfo *info);

/* Forgets p's unreported job-control event (its teardown). */
void signal_jc_drop(struct process *p);

/* ---- the architecture's part (kernel/arch/<arch>/sigframe.c) -------------- */

/*
 * Builds a handler frame on t's user stack (t current, its address space
 * active) saving its registers and 'oldmask', and sets t up to enter
 * 'stub' with the frame. false if the stack cannot hold it.
 */
bool arch_signal_frame(struct thread *t, uaddr_t stub, uaddr_t handler, const __siginfo_t *info,
                       ksigset_t oldmask);

/* Restores t from the frame at info_u: *mask gets the saved mask, *a0 its a0. 0 or -EFAULT. */
int arch_signal_return(struct thread *t, uaddr_t info_u, ksigset_t *mask, long *a0);

/* ---- internal to kernel/proc/signal*.c ---------------------------------- */

/* True if the action of signo in p means "ignore" (SIG_IGN, or SIG_DFL that ignores). */
bool sig_ignored(struct process *p, int signo);

/* Default action classes. */
enum sig_default { SIGDFL_TERM, SIGDFL_IGN, SIGDFL_STOP, SIGDFL_CONT };
enum sig_default sig_default_action(int signo);

/* Removes and returns in *info the first pending instance of signo from q. */
bool sigq_take(struct process *p, struct sigqueue *q, int signo, __siginfo_t *info);

/* Lowest-numbered signal in set, 0 if empty. */
static inline int sig_first(ksigset_t set)
{
	return set ? __builtin_ctzll(set) + 1 : 0;
}

/* Drops every pending instance of the signals in set from p and its threads (p->lock held). */
void sig_discard(struct process *p, ksigset_t set);

/* A process-pending signo: tells a thread that may take it now (p->lock held). */
void sig_repost_locked(struct process *p, int signo);

/* Marks t as having signal work; makes its hart look (p->lock held). */
void sig_notify_thread(struct thread *t);

/*
 * Takes the next signal t may act on (thread queue, then process queue,
 * lowest number first; 'mask' is what is blocked). Returns its number and
 * fills *info, or 0. p->lock held.
 */
int sig_dequeue(struct thread *t, ksigset_t mask, __siginfo_t *info);

#endif
