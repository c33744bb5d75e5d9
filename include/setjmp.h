/*
 * setjmp.h - non-local jumps (ISO C 7.13, POSIX sigsetjmp).
 * A jmp_buf holds ra, sp, s0-s11 and fs0-fs11 on RISC-V (26 doublewords),
 * then (sigjmp_buf) a flag and the saved signal mask.
 */
#ifndef _SETJMP_H
#define _SETJMP_H

#include <sys/cdefs.h>

__BEGIN_DECLS

typedef struct __qsoe_jmp_buf {
	unsigned long __regs[26]; /* ra, sp, s0..s11, fs0..fs11 */
	unsigned long __masked;   /* sigsetjmp: nonzero if __mask is valid */
	unsigned long __mask;     /* sigsetjmp: the saved signal mask (64 bits) */
} jmp_buf[1];
typedef jmp_buf sigjmp_buf;

int setjmp(jmp_buf env) __attribute__((__returns_twice__));
__QSOE_NORETURN void longjmp(jmp_buf env, int val);
int _setjmp(jmp_buf env) __attribute__((__returns_twice__));
__QSOE_NORETURN void _longjmp(jmp_buf env, int val);
int sigsetjmp(sigjmp_buf env, int savemask) __attribute__((__returns_twice__));
__QSOE_NORETURN void siglongjmp(sigjmp_buf env, int val);

#define setjmp setjmp

__END_DECLS

#endif /* _SETJMP_H */
