/*
 * sys/ucontext.h - the context a SA_SIGINFO handler receives as its third
 * argument (ucontext_t) and the saved registers in it (mcontext_t). The
 * layout is QSOE's own for RISC-V 64 (QNX has no RISC-V port), in the ABI
 * fragment qsoe/abi/ucontext.h; see docs/signals.md.
 */
#ifndef _SYS_UCONTEXT_H
#define _SYS_UCONTEXT_H

#include <qsoe/abi/ucontext.h>
#include <signal.h>

typedef __mcontext_t mcontext_t;
typedef __ucontext_t ucontext_t;

/* Indexes of uc_mcontext.__gregs: the pc, then x<i> at index i. */
#define REG_PC __QSOE_REG_PC
#define REG_RA __QSOE_REG_RA
#define REG_SP __QSOE_REG_SP
#define REG_TP __QSOE_REG_TP
#define REG_A0 __QSOE_REG_A0

#endif /* _SYS_UCONTEXT_H */
