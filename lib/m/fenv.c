/*
 * fenv.c - the floating-point environment of <fenv.h>. On RISC-V the
 * environment is the fcsr (fflags and frm); fenv_t holds the whole fcsr.
 * Raising an exception sets its flag (RISC-V never traps on FP exceptions).
 * The non-RISC-V build (host tests) maps the same interface onto the x86
 * MXCSR.
 */
#include "internal/libm.h"
#include "internal/fenv_impl.h"

/* Clears the flags in excepts. */
int feclearexcept(int excepts)
{
	fe_set_flags(fe_get_flags() & ~((unsigned)excepts & FE_ALL_EXCEPT));
	return 0;
}

/* Stores the flags in excepts into *flagp. */
int fegetexceptflag(fexcept_t *flagp, int excepts)
{
	*flagp = fe_get_flags() & (unsigned)excepts & FE_ALL_EXCEPT;
	return 0;
}

/* Raises the exceptions in excepts. */
int feraiseexcept(int excepts)
{
	fe_set_flags(fe_get_flags() | ((unsigned)excepts & FE_ALL_EXCEPT));
	return 0;
}

/* Sets the flags in excepts to their state in *flagp. */
int fesetexceptflag(const fexcept_t *flagp, int excepts)
{
	unsigned m = (unsigned)excepts & FE_ALL_EXCEPT;
	fe_set_flags((fe_get_flags() & ~m) | (*flagp & m));
	return 0;
}

/* Returns which of the exceptions in excepts are set. */
int fetestexcept(int excepts)
{
	return (int)(fe_get_flags() & (unsigned)excepts & FE_ALL_EXCEPT);
}

/* The current rounding direction. */
int fegetround(void)
{
	return fe_get_round();
}

/* Sets the rounding direction; non-zero for an unknown one. */
int fesetround(int round)
{
	if (round != FE_TONEAREST && round != FE_TOWARDZERO && round != FE_DOWNWARD &&
	    round != FE_UPWARD && round != FE_TONEARESTFROMZERO)
		return 1;
#if !defined(__riscv)
	if (round == FE_TONEARESTFROMZERO)
		return 1;
#endif
	fe_set_round(round);
	return 0;
}

/* Stores the environment (rounding mode and flags) in *envp. */
int fegetenv(fenv_t *envp)
{
	*envp = (unsigned)fe_get_round() << 5 | fe_get_flags();
	return 0;
}

/* Installs *envp (or the default environment for FE_DFL_ENV). */
int fesetenv(const fenv_t *envp)
{
	fenv_t e = envp == FE_DFL_ENV ? 0 : *envp;
	fe_set_round((int)(e >> 5) & 7);
	fe_set_flags(e & FE_ALL_EXCEPT);
	return 0;
}

/* Saves the environment and clears the flags (RISC-V never traps). */
int feholdexcept(fenv_t *envp)
{
	fegetenv(envp);
	fe_set_flags(0);
	return 0;
}

/* Installs *envp, then raises the exceptions that were set before. */
int feupdateenv(const fenv_t *envp)
{
	unsigned f = fe_get_flags();
	fesetenv(envp);
	feraiseexcept((int)f);
	return 0;
}
