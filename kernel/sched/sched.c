/*
 * sched.c - per-hart scheduling in the LWKT style (see sched.h).
 *
 * The running thread is not on the run queue. It stays RUNNING until it
 * blocks, yields, is preempted by a higher priority, or (SCHED_RR) uses up
 * its quantum while another thread of its priority is ready. A preempted
 * thread goes back to the head of its priority, a yielding or expired one
 * to the tail, as QNX does.
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/vm.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/sched.h>
#include <arch/arch.h>

uint64_t rr_quantum_ticks; /* SCHED_RR time slice; ClockPeriod() changes it (kc_clock.c) */

void sched_init_cpu(struct cpu *c)
{
	runq_init(&c->rq);
	list_init(&c->timers);
	if (rr_quantum_ticks == 0)
		rr_quantum_ticks = ns_to_ticks_ceil(RR_QUANTUM_NS);
}

void sched_ready(struct thread *t)
{
	struct cpu *c = this_cpu();

	KASSERT(t->cpu == c);
	if (t == c->cur) {
		t->state = STATE_RUNNING;
		return;
	}
	if (t->state == STATE_READY || (t->flags & TF_DEAD))
		return;
	t->state = STATE_READY;
	runq_add_tail(&c->rq, &t->rq_link, t->prio);
	struct thread *cur = c->cur;
	if (cur == NULL || t->prio > cur->prio)
		c->need_resched = true;
	else if (t->prio == cur->prio && cur->policy == SCHED_RR && c->slice_end)
		arch_timer_arm(c->slice_end); /* cur now has a competitor: its quantum counts */
}

/* Arms t's timeout if TimerTimeout asked for one for 'state'. */
static void arm_timeout(struct thread *t, int state)
{
	uint32_t states = t->timeout_states;

	/*
	 * Consumed by the first blocking state of the call. The timer is armed
	 * whenever the call blocks; when it fires, the state the thread is then
	 * in decides whether it applies (a MsgSend may go SEND -> REPLY).
	 */
	t->timeout_states = 0;
	t->tmo_states = states;
	if (states)
		ktimer_arm(&t->timeout, t->timeout_deadline);
}

void sched_block_current(int state)
{
	struct cpu *c = this_cpu();
	struct thread *t = c->cur;

	t->state = (uint8_t)state;
	c->need_resched = true;
	arm_timeout(t, state);
}

/* Home-hart part of a wake: drop the blocking reference and make t runnable. */
void sched_wake_local(struct thread *t)
{
	if (t->blocked_ref) {
		kobj_put(t->blocked_ref);
		t->blocked_ref = NULL;
	}
	ktimer_cancel(&t->timeout);
	t->nowq_block = false;
	sched_ready(t);
}

void sched_wake(struct thread *t)
{
	if (t->cpu == this_cpu())
		sched_wake_local(t);
	else
		thread_post(t, MPR_WAKE);
}

static bool yield_pending[MAX_CPUS];

void sched_yield_current(void)
{
	struct cpu *c = this_cpu();

	yield_pending[c->id] = true;
	c->need_resched = true;
}

void sched_set_prio(struct thread *t, int prio, int policy)
{
	struct cpu *c = this_cpu();

	KASSERT(t->cpu == c);
	if (t->state == STATE_READY && t != c->cur) {
		runq_remove(&c->rq, &t->rq_link, t->prio);
		t->prio = (uint8_t)prio;
		runq_add_tail(&c->rq, &t->rq_link, t->prio);
	} else {
		t->prio = (uint8_t)prio;
	}
	if (policy >= 0)
		t->policy = (uint8_t)policy;
	c->need_resched = true;
}

/* Decides who runs next on c; returns NULL to idle. */
static struct thread *pick_next(struct cpu *c, uint64_t now)
{
	struct thread *cur = c->cur;
	int top = runq_top(&c->rq);
	bool yielded = yield_pending[c->id];

	yield_pending[c->id] = false;
	if (cur && cur->state == STATE_RUNNING) {
		bool expired = cur->policy == SCHED_RR && c->slice_end && now >= c->slice_end;
		if (top < 0 || top < cur->prio)
			return cur;
		if (top == cur->prio && !yielded && !expired)
			return cur;
		/* Someone else runs: cur goes back on the queue. */
		cur->state = STATE_READY;
		if (top > cur->prio && !yielded)
			runq_add_head(&c->rq, &cur->rq_link, cur->prio);
		else
			runq_add_tail(&c->rq, &cur->rq_link, cur->prio);
		c->slice_end = 0;
		top = runq_top(&c->rq);
	}
	if (top < 0)
		return NULL;
	struct list *l = runq_peek(&c->rq);
	struct thread *t = list_entry(l, struct thread, rq_link);
	runq_remove(&c->rq, &t->rq_link, t->prio);
	return t;
}

/* Programs the hart's timer for its earliest timer or the RR quantum end. */
static void arm_hart_timer(struct cpu *c)
{
	uint64_t next = ktimer_next(c);
	struct thread *cur = c->cur;

	if (cur && cur->policy == SCHED_RR && c->slice_end && runq_has(&c->rq, cur->prio) &&
	    c->slice_end < next)
		next = c->slice_end;
	arch_timer_arm(next);
}

/*
 * Makes next (off the run queue) the running thread of c. Shared by
 * sched_exit_to_user and sched_handoff. The hart timer is always
 * programmed no later than the earliest ktimer (ktimer_arm lowers it at
 * once) except after its interrupt disarmed it: 'rearm' says that
 * happened; a new round-robin quantum also rearms.
 */
static void switch_to(struct cpu *c, struct thread *next, uint64_t now, bool rearm)
{
	struct thread *prev = c->cur;

	if (next != prev) {
		c->n_switches++;
		arch_fp_switch(c, prev, next);
		c->slice_end = 0;
	}
	next->state = STATE_RUNNING;
	c->cur = next;
	vm_activate(next->proc->as);
	if (next->policy == SCHED_RR && c->slice_end == 0) {
		/* The quantum only matters against a competitor (sched_ready arms it later). */
		c->slice_end = now + rr_quantum_ticks;
		if (runq_has(&c->rq, next->prio))
			rearm = true;
	}
	if (rearm)
		arm_hart_timer(c);
}

/* Enters user mode in c's running thread t, with its staged copies done. */
static inline __attribute__((always_inline)) __noreturn void enter(struct cpu *c, struct thread *t)
{
	if (unlikely(t->xfer.flags))
		xfer_complete(t);
	arch_enter_user(c, t);
}

void sched_handoff(struct cpu *c, struct thread *next)
{
	switch_to(c, next, next->policy == SCHED_RR ? arch_now() : 0, false);
	if (unlikely(__atomic_load_n(&next->sig.work, __ATOMIC_ACQUIRE)))
		sched_exit_to_user(); /* signal work: the general path does it */
	enter(c, next);
}

void sched_exit_to_user(void)
{
	struct cpu *c = this_cpu();
	struct thread *cur = c->cur;

	/*
	 * Fast path: nothing happened that could make another thread run here.
	 * Everything that can (a wake of an equal or higher priority, a block,
	 * a yield, a timer interrupt, a message from another hart) sets
	 * need_resched or leaves a message in the IPI queue.
	 */
	if (likely(cur && !c->need_resched && cur->state == STATE_RUNNING &&
	           __atomic_load_n(&c->ipiq.head, __ATOMIC_ACQUIRE) == NULL)) {
		if (likely(!__atomic_load_n(&cur->sig.work, __ATOMIC_RELAXED)))
			enter(c, cur);
		/* A signal to act on (signal.h): the loop below does it. */
	}

	for (;;) {
		ipiq_drain(c);
		uint64_t now = arch_now();
		if (ktimer_next(c) <= now)
			ktimer_run_expired(c, now);
		c->need_resched = false;
		struct thread *prev = c->cur;
		struct thread *next = pick_next(c, now);
		if (next) {
			/* Rearm after the timer interrupt disarmed it: ktimers or a quantum may wait. */
			switch_to(c, next, now, c->timer_armed == UINT64_MAX);
			/* Pending signals, a stop, a SignalSuspend mask (signal.h). */
			if (unlikely(__atomic_load_n(&next->sig.work, __ATOMIC_ACQUIRE))) {
				signal_exit_work(c, next);
				if (next->state != STATE_RUNNING)
					continue; /* it stopped or is dying: choose again */
			}
			if (__atomic_load_n(&c->ipiq.head, __ATOMIC_ACQUIRE) != NULL)
				continue; /* a message arrived meanwhile: look again */
			enter(c, next);
		}
		/* Nothing to run. */
		if (prev && prev->state == STATE_RUNNING)
			panic("sched: running thread lost");
		arch_fp_switch(c, prev, NULL);
		c->cur = NULL;
		vm_activate(NULL);
		arm_hart_timer(c);
		if (__atomic_load_n(&c->ipiq.head, __ATOMIC_ACQUIRE) == NULL)
			arch_idle(c);
	}
}

void sched_start(void)
{
	sched_exit_to_user();
}
