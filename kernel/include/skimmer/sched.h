/*
 * sched.h - per-hart scheduling (LWKT style).
 *
 * Every function here runs on the hart that owns the thread, except
 * sched_wake() which may be called from any hart.
 */
#ifndef SKIMMER_SCHED_H
#define SKIMMER_SCHED_H

#include <skimmer/thread.h>

#define PRIO_IDLE     0
#define PRIO_DEFAULT  10
#define PRIO_MAX      255
#define RR_QUANTUM_NS 4000000ULL /* QNX's default timeslice: 4 ms */

void sched_init_cpu(struct cpu *c);

/* t (home hart = this hart) becomes READY at the tail of its priority. */
void sched_ready(struct thread *t);

/* The running thread blocks in 'state'; it will not be requeued. */
void sched_block_current(int state);

/*
 * t was removed from a waitq (or otherwise unblocked) by the caller, which
 * has written its result. Makes it runnable on its home hart. Any hart.
 */
void sched_wake(struct thread *t);

/* The running thread yields to threads of its priority. */
void sched_yield_current(void);

/* Changes t's priority/policy (home hart); requeues it if READY. */
void sched_set_prio(struct thread *t, int prio, int policy);

/*
 * Leaves the kernel: processes the hart's IPI queue, expired timers and
 * pending reschedule, then resumes the best runnable thread in user mode
 * or idles until there is one. Never returns.
 */
__noreturn void sched_exit_to_user(void);

/*
 * The current thread has blocked (its state and queue are set) and 'next',
 * a thread of this hart that was blocked and has been taken off its queue
 * with its result written, is what the scheduler would pick: no reschedule
 * is pending, the IPI queue is empty and next->prio >= the run queue's top.
 * Switches straight to next without the run queue. Never returns.
 */
__noreturn void sched_handoff(struct cpu *c, struct thread *next);

/* First entry of a hart into the scheduler (boot). */
__noreturn void sched_start(void);

#endif
