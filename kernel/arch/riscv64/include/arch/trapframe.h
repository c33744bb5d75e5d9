/*
 * trapframe.h - the saved user registers of a thread.
 *
 * regs[i] holds xi for i = 1..31; regs[0] (x0 is always zero) holds the
 * pc (sepc). trap.S saves and restores this layout; keep TF_* in sync.
 */
#ifndef ARCH_TRAPFRAME_H
#define ARCH_TRAPFRAME_H

#define TF_PC      0
#define TF_SSTATUS (32 * 8)
#define TF_SIZE    (34 * 8)

#define REG_RA     1
#define REG_SP     2
#define REG_GP     3
#define REG_TP     4
#define REG_T0     5
#define REG_S0     8
#define REG_A0     10
#define REG_A1     11
#define REG_A2     12
#define REG_A3     13
#define REG_A4     14
#define REG_A5     15
#define REG_A6     16
#define REG_A7     17

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trapframe {
	uint64_t regs[32]; /* regs[0] = pc */
	uint64_t sstatus;  /* only the FS field is meaningful */
	uint64_t pad;
};

_Static_assert(sizeof(struct trapframe) == TF_SIZE, "trapframe layout");

/* Floating-point state (RV64D): f0..f31 and fcsr. */
struct fpstate {
	uint64_t f[32];
	uint64_t fcsr;
};
#endif
#endif
