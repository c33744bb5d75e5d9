/*
 * ktimer.h - per-hart kernel timers.
 *
 * Each hart keeps its own deadline-ordered timer list; a timer fires on the
 * hart it was armed on, with that hart's kernel context. The hart's timer
 * interrupt is programmed for the earliest of its timers and the end of
 * the running thread's round-robin slice (sched.c). Times are in ticks of
 * the platform timebase (see clock.h for conversions).
 */
#ifndef SKIMMER_KTIMER_H
#define SKIMMER_KTIMER_H

#include <skimmer/list.h>

struct cpu;

struct ktimer {
	struct list link;
	uint64_t deadline;
	void (*fn)(struct ktimer *t);
	struct cpu *cpu; /* hart whose list holds it, while armed */
};

void ktimer_init(struct ktimer *t, void (*fn)(struct ktimer *));

/* Arms t on the current hart for absolute time 'deadline' (re-arms if armed). */
void ktimer_arm(struct ktimer *t, uint64_t deadline);

/* Disarms t; it must be armed on the current hart or not at all. */
void ktimer_cancel(struct ktimer *t);

static inline bool ktimer_armed(const struct ktimer *t)
{
	return t->cpu != NULL;
}

/* Runs every expired timer of the current hart. */
void ktimer_run_expired(struct cpu *c, uint64_t now);

/* Earliest deadline on c, or UINT64_MAX. */
uint64_t ktimer_next(struct cpu *c);

#endif
