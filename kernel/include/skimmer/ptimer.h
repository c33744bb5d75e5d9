/*
 * ptimer.h - process timers (TimerCreate and friends), CPU-time clocks and
 * the system clocks' settable parts (kernel/time/, kernel/core/clock.c).
 *
 * A process timer lives on one hart, its home: the hart of the thread that
 * created it. Its kernel timer (struct ktimer) is armed, re-armed and
 * cancelled only there, so expiry runs on that hart and delivers the event
 * directly (a pulse, or a signal). A call on another hart changes the
 * timer's settings under its lock and posts the timer to its home hart,
 * which brings the kernel timer in line. Timer ids are per process
 * (p->timers, starting at 1).
 *
 * Lifetime: a timer is a kobj with references from p->timers, from its
 * armed kernel timer and from a queued home-hart message; it holds a
 * reference on its process. Destroying it (TimerDestroy, or the end of the
 * process) marks it dead under its lock; expiry and the home-hart message
 * check that flag, so nothing is delivered after destruction.
 *
 * Lock order: timer lock, then process lock (event delivery is done after
 * the timer lock is dropped for signals; pulses are sent under it).
 */
#ifndef SKIMMER_PTIMER_H
#define SKIMMER_PTIMER_H

#include <skimmer/ipiq.h>
#include <skimmer/kobj.h>
#include <skimmer/ktimer.h>
#include <skimmer/spinlock.h>
#include <skimmer/types.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>

struct cpu;
struct process;
struct thread;

#define PTIMER_MAX (1u << 16) /* timers per process (TimerCreate fails with EAGAIN beyond) */

struct ptimer {
	struct kobj kobj;
	spinlock_t lock;
	struct ktimer kt;    /* armed on 'home' only */
	struct ipimsg ipi;   /* "bring the kernel timer in line" for the home hart */
	uint32_t ipi_queued; /* atomic */
	struct cpu *home;
	struct process *proc; /* reference */
	int id;               /* in proc->timers; 0 for the TimerAlarm timer */
	clockid_t clock;      /* CLOCK_REALTIME / CLOCK_SOFTTIME / CLOCK_MONOTONIC */
	int tid;              /* creator: the target of SIGEV_SIGNAL_THREAD */
	struct sigevent ev;
	/* Settings and state (lock). */
	bool armed;           /* _NTO_TI_ACTIVE */
	bool abs;             /* armed with TIMER_ABSTIME */
	bool expired;         /* fired at least once since armed */
	bool dead;            /* destroyed: never delivers again */
	uint64_t deadline;    /* next expiry, timebase ticks */
	uint64_t interval;    /* reload in ticks, 0 = one-shot */
	uint64_t interval_ns; /* reload as asked, for TimerInfo */
	uint32_t overruns;    /* expirations that could not be notified */
};

/* Per-process set-up and teardown (proc.c). */
void ptimer_proc_init(struct process *p);
void ptimer_proc_cleanup(struct process *p);

/*
 * Creates a timer of p on the current hart for thread 'creator', with
 * clock and event already checked; value_is_id makes the event's value the
 * new timer's id. Returns the new timer (one reference, owned by p->timers,
 * or by p->alarm when id_out is NULL) or NULL with *err. With id_out the
 * timer is published in p->timers: use the id, not the pointer, afterwards.
 */
struct ptimer *ptimer_create(struct process *p, struct thread *creator, clockid_t clock,
                             const struct sigevent *ev, bool value_is_id, int *id_out, int *err);

/* Looks up timer id of p and takes a reference; NULL if none. */
struct ptimer *ptimer_get(struct process *p, int id);
void ptimer_put(struct ptimer *pt);

/* Removes timer id of p and destroys it. Returns 0 or -EINVAL. */
int ptimer_destroy(struct process *p, int id);

/* Destroys a timer already taken out of its process's tables (drops that reference). */
void ptimer_kill(struct ptimer *pt);

/*
 * Arms pt to expire at 'value' ns (absolute on its clock with abs, else
 * from now) and every interval_ns after; value 0 disarms. *old_left and
 * *old_interval receive the previous setting (ns). Overruns restart at 0.
 */
void ptimer_settime(struct ptimer *pt, bool abs, uint64_t value, uint64_t interval_ns,
                    uint64_t *old_left, uint64_t *old_interval);

/* Fills a QNX _timer_info for pt; resets its overrun count after reading if asked. */
void ptimer_info(struct ptimer *pt, struct _timer_info *info, bool reset_overruns);

/*
 * Delivers a SIGEV_SIGNAL* event to p (thread tid for SIGEV_SIGNAL_THREAD),
 * with si_code 'code' for plain SIGEV_SIGNAL. Call with no spinlock held
 * and a reference on p. Returns 0 or -errno (-EAGAIN: queue full).
 */
int sigevent_signal(struct process *p, int tid, const struct sigevent *ev, int code);

/* ---- Clocks (kernel/core/clock.c, kernel/time/cputime.c) --------------------- */

/* Effective resolution of every clock and timer: one timebase period, in ns (rounded up). */
uint64_t clock_resolution_ns(void);

/* Reads clock id (any id ClockTime accepts). Returns 0 or -EINVAL. */
int clock_read_ns(clockid_t id, uint64_t *ns);

/*
 * Gradual adjustment of CLOCK_REALTIME (ClockAdjust). *left_ns and
 * *left_total receive the time and the amount the current adjustment has
 * still to go. With 'set', a new one replaces it: add total_ns, spread
 * evenly over the next len_ns of monotonic time (0 for either: none).
 */
void clock_adjust_realtime(bool set, int64_t total_ns, uint64_t len_ns, uint64_t *left_ns,
                           int64_t *left_total);

/* CPU-time clock ids (ClockId): encoding, decoding and reading. */
#define CPUCLOCK_FLAG     0x40000000
#define CPUCLOCK_PID_BITS 16 /* pids below 65536 have CPU-time clock ids */
#define CPUCLOCK_TID_BITS 14 /* threads with tids below 16384 have one */

/* Returns the clock id of process pid (tid 0) or of its thread tid, or -errno. */
int cputime_clock_id(pid_t pid, int tid);

/* CPU time of the clock id (CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID or a ClockId id). */
int cputime_read(clockid_t id, uint64_t *ns);

/* Thread t is ending: its CPU time goes to its process's total (thread.c). */
void cputime_thread_exit(struct thread *t);

#endif
