/*
 * qsoe/abi/ucontext.h - the machine context a signal handler receives
 * (its third argument) and SignalReturn() restores, for RISC-V 64.
 *
 * QNX has no RISC-V port, so this layout is QSOE's own, shaped like QNX's
 * ucontext_t (uc_link, uc_sigmask, uc_stack, uc_mcontext). The kernel
 * writes it on the thread's stack when it delivers a signal; a handler may
 * change it (e.g. the pc) and the change takes effect when it returns.
 *
 * Layout (560 bytes, 8-byte aligned):
 *   uc_link 0, uc_sigmask 8, uc_stack 16, uc_mcontext 40:
 *     __gregs[32] at 0 (__gregs[0] = pc, __gregs[i] = x<i>),
 *     __fpregs[32] at 256 (f0..f31, raw 64-bit), __fcsr at 512, __flags 516
 */
#ifndef QSOE_ABI_UCONTEXT_H
#define QSOE_ABI_UCONTEXT_H

#include <qsoe/abi/signal.h>
#include <qsoe/abi/types.h>

/* Indexes into __gregs. */
#define __QSOE_REG_PC 0
#define __QSOE_REG_RA 1
#define __QSOE_REG_SP 2
#define __QSOE_REG_TP 4
#define __QSOE_REG_A0 10

typedef struct __qsoe_mcontext {
	__uint64_t __gregs[32];  /* [0] = pc, [i] = x<i> for i = 1..31 */
	__uint64_t __fpregs[32]; /* f0..f31 */
	__uint32_t __fcsr;
	__uint32_t __flags; /* reserved, 0 */
} __mcontext_t;

typedef struct __qsoe_ucontext {
	struct __qsoe_ucontext *uc_link; /* makecontext: where a return goes; NULL: signals */
	__sigset_t uc_sigmask;           /* the mask restored when the handler returns */
	__stack_t uc_stack;              /* the stack in use (ss_flags SS_DISABLE: no alternate) */
	__mcontext_t uc_mcontext;        /* the interrupted registers */
} __ucontext_t;

#endif /* QSOE_ABI_UCONTEXT_H */
