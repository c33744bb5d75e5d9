/*
 * kcall.h - kernel call dispatch.
 *
 * The table is generated from abi/kcalls.def: for each call a decoder that
 * converts the six argument registers to typed arguments and calls
 * kc_<Name>(). A handler returns a value >= 0, a negative errno, or
 * KCALL_BLOCKED when the thread blocked (its result is written later by
 * whoever unblocks it).
 */
#ifndef SKIMMER_KCALL_H
#define SKIMMER_KCALL_H

#include <skimmer/cpu.h>
#include <skimmer/types.h>
#include "kcall_numbers.h"

#define KCALL_PRIV   0x1u /* only the process manager may call it */
#define KCALL_CANCEL 0x2u /* a cancellation point (ThreadCancel, cancel.c) */

struct kcall_entry {
	long (*decode)(const uint64_t *regs);
	const char *name;
	uint32_t flags;
};

extern const struct kcall_entry kcall_table[__KER_MAX];

struct thread;
void kcall_dispatch(struct thread *t);

/* The calling thread (valid inside a kc_ handler). */
static inline struct thread *kcall_self(void)
{
	return this_cpu()->cur;
}

#endif
