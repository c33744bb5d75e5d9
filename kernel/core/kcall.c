/*
 * kcall.c - kernel call dispatch (see kcall.h).
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kcall.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>

bool kcall_trace; /* bootargs "skimmer.trace": log every kernel call */

/* Runs call n for t; returns its result or KCALL_BLOCKED. */
static long kcall_run(struct thread *t, uint64_t n)
{
	if (unlikely(n >= __KER_MAX || kcall_table[n].decode == NULL))
		return -ENOSYS;
	if (unlikely(kcall_table[n].flags & KCALL_PRIV) && !(t->proc->flags & PROC_F_SYSMGR))
		return -EPERM;
	return kcall_table[n].decode(&t->tf.regs[REG_A0]);
}

void kcall_dispatch(struct thread *t)
{
	uint64_t n = t->tf.regs[REG_A7];
	struct cpu *c = this_cpu();
	long r;

	c->n_kcalls++;
	if (unlikely(kcall_trace)) {
		r = kcall_run(t, n);
		kprintf("[%d.%d] %s = %ld\n", t->proc->pid, t->tid,
		        n < __KER_MAX && kcall_table[n].name ? kcall_table[n].name : "?", r);
	} else {
		if (unlikely(__atomic_load_n(&t->sig.cancel_pending, __ATOMIC_RELAXED)) &&
		    n < __KER_MAX && (kcall_table[n].flags & KCALL_CANCEL) && cancel_at_entry(t))
			return; /* cancelled at a cancellation point: off to its stub */
		if (n == __KER_MSG_SENDV || n == __KER_MSG_SENDVNC)
			ipc_fast_send(c, t); /* returns only if the fast path does not apply */
		r = kcall_run(t, n);
	}
	if (r != KCALL_BLOCKED) {
		t->tf.regs[REG_A0] = (uint64_t)r;
		/* A TimerTimeout applies to the next kernel call only. */
		if (n != __KER_TIMER_TIMEOUT)
			t->timeout_states = 0;
	}
}
