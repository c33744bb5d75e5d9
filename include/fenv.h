/*
 * fenv.h - the floating-point environment (ISO C 7.6), over the RISC-V
 * fcsr: the exception flags are fflags (bits 0..4) and the rounding mode
 * is frm, with the hardware's encodings.
 */
#ifndef _FENV_H
#define _FENV_H

#include <sys/cdefs.h>

__BEGIN_DECLS

typedef unsigned int fenv_t;    /* the whole fcsr */
typedef unsigned int fexcept_t; /* fflags */

#define FE_INEXACT    0x01
#define FE_UNDERFLOW  0x02
#define FE_OVERFLOW   0x04
#define FE_DIVBYZERO  0x08
#define FE_INVALID    0x10
#define FE_ALL_EXCEPT 0x1f

#define FE_TONEAREST  0
#define FE_TOWARDZERO 1
#define FE_DOWNWARD   2
#define FE_UPWARD     3
/* Round to nearest, ties away from zero (RISC-V RMM; an extension). */
#define FE_TONEARESTFROMZERO 4

/* The environment at program start: round to nearest, no flags. */
#define FE_DFL_ENV ((const fenv_t *)-1)

int feclearexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int feraiseexcept(int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);
int fetestexcept(int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t *envp);
int feholdexcept(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feupdateenv(const fenv_t *envp);

__END_DECLS

#endif /* _FENV_H */
