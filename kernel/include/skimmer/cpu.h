/*
 * cpu.h - per-hart state.
 *
 * One struct cpu per usable hart, indexed 0..ncpu-1 in devicetree order
 * (cpu 0 is not necessarily the boot hart). In the kernel, tp holds the
 * current hart's struct cpu. Fields are owned by their hart unless noted.
 */
#ifndef SKIMMER_CPU_H
#define SKIMMER_CPU_H

#include <skimmer/ipiq.h>
#include <skimmer/list.h>
#include <skimmer/runq.h>
#include <arch/trapframe.h>

#define MAX_CPUS 64 /* harts beyond this are left offline with a boot message */

struct thread;
struct aspace;

struct cpu {
	/* Used by trap.S: keep these three first. */
	uint64_t scratch;     /* user sp during trap entry */
	struct trapframe *tf; /* where the running thread's registers are saved */
	uint64_t kstack_top;

	unsigned id; /* index in cpus[] */
	unsigned long hartid;
	bool online;

	struct thread *cur; /* running thread, NULL while idle */
	struct runq rq;
	bool need_resched;
	uint64_t slice_end; /* round-robin quantum end of cur, 0 if none */

	struct ipiq ipiq; /* written by other harts (atomically) */

	struct list timers;   /* struct ktimer, deadline order */
	uint64_t timer_armed; /* deadline programmed in the hardware */

	struct thread *fp_owner; /* whose FP registers the hardware holds */
	struct aspace *cur_as;   /* address space in satp */

	/* Statistics (owner hart writes; anyone may read). */
	uint64_t n_kcalls;
	uint64_t n_switches;
	uint64_t n_irqs;
	uint64_t idle_ticks;
};

extern struct cpu *cpus[MAX_CPUS];
extern unsigned ncpu;

static inline struct cpu *this_cpu(void)
{
	struct cpu *c;
	__asm__("mv %0, tp" : "=r"(c));
	return c;
}

#endif
