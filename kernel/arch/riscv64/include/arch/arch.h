/*
 * arch.h - what generic kernel code may ask of the architecture.
 */
#ifndef ARCH_ARCH_H
#define ARCH_ARCH_H

#include <skimmer/types.h>
#include <arch/csr.h>
#include <arch/memlayout.h>
#include <arch/trapframe.h>

struct cpu;
struct thread;

/* Per-hart trap and timer setup; called on every hart as it comes up. */
void arch_cpu_init(struct cpu *c);

/* Starts the secondary harts (SBI HSM); returns how many came up. */
unsigned arch_start_secondaries(void);

/* Timebase now, and programming this hart's timer interrupt. */
static inline uint64_t arch_now(void)
{
	return rdtime();
}
void arch_timer_arm(uint64_t deadline);

/* Interrupts another hart so it drains its IPI queue. */
void arch_send_ipi(struct cpu *c);

/* Waits for an interrupt with interrupts masked, then handles what is pending. */
void arch_idle(struct cpu *c);

/* Enters user mode with thread t's registers. */
__noreturn void arch_enter_user(struct cpu *c, struct thread *t);

/* Sets up t's registers for its first entry to user mode. */
void arch_thread_setup(struct thread *t, uaddr_t pc, uaddr_t sp, uint64_t arg, uaddr_t tls);

/* A thread's first FP instruction trapped (FS Off): enable FP for it. */
void arch_fp_first_use(struct cpu *c, struct thread *t);

/*
 * Saves the outgoing thread's FP state if dirty; restores the incoming
 * one's if the hardware does not hold it (inline test below, then
 * arch_fp_switch_regs does the work).
 */
static inline void arch_fp_switch(struct cpu *c, struct thread *prev, struct thread *next);
void arch_fp_switch_regs(struct cpu *c, struct thread *prev, struct thread *next, bool save,
                         bool load);

/* Result register of a thread's kernel call. */
static inline void arch_set_retval(struct thread *t, long v);

__noreturn void arch_poweroff(int status);
__noreturn void arch_reboot(void);
void arch_stop_others(void);

void backtrace_from(uintptr_t fp, uintptr_t pc);

#include <skimmer/thread.h>
#include <skimmer/cpu.h>
static inline void arch_set_retval(struct thread *t, long v)
{
	t->tf.regs[REG_A0] = (uint64_t)v;
}

static inline void arch_fp_switch(struct cpu *c, struct thread *prev, struct thread *next)
{
	if (prev == next)
		return;
	bool save = prev && (prev->tf.sstatus & SSTATUS_FS) == SSTATUS_FS_DIRTY;
	bool load =
	        next && c->fp_owner != next && (next->tf.sstatus & SSTATUS_FS) != SSTATUS_FS_OFF;
	if (save || load)
		arch_fp_switch_regs(c, prev, next, save, load);
}

#endif
