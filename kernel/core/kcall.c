/*
 * kcall.c - kernel call dispatch (see kcall.h).
 */
#include <skimmer/cpu.h>
#include <skimmer/kcall.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>

bool kcall_trace; /* bootargs "skimmer.trace": log every kernel call */

struct thread *kcall_self(void)
{
	return this_cpu()->cur;
}

void kcall_dispatch(struct thread *t)
{
	uint64_t n = t->tf.regs[REG_A7];
	long r;

	this_cpu()->n_kcalls++;
	if (n >= __KER_MAX || kcall_table[n].decode == NULL)
		r = -ENOSYS;
	else if ((kcall_table[n].flags & KCALL_PRIV) && !(t->proc->flags & PROC_F_SYSMGR))
		r = -EPERM;
	else
		r = kcall_table[n].decode(&t->tf.regs[REG_A0]);
	if (unlikely(kcall_trace))
		kprintf("[%d.%d] %s = %ld\n", t->proc->pid, t->tid,
		        n < __KER_MAX && kcall_table[n].name ? kcall_table[n].name : "?", r);
	if (r != KCALL_BLOCKED) {
		t->tf.regs[REG_A0] = (uint64_t)r;
		/* A TimerTimeout applies to the next kernel call only. */
		if (n != __KER_TIMER_TIMEOUT)
			t->timeout_states = 0;
	}
}
