/*
 * fenv_impl.h - direct access to the floating-point status for libm's own
 * use: the exception flags and the rounding mode, with the values of
 * <fenv.h>. RISC-V reads fflags/frm; the x86-64 version exists only so the
 * host test build behaves the same; other hosts get a no-op fallback.
 */
#ifndef QSOE_FENV_IMPL_H
#define QSOE_FENV_IMPL_H

#include <fenv.h>

#if defined(__riscv)

static inline unsigned fe_get_flags(void)
{
	unsigned long v;
	__asm__ volatile("frflags %0" : "=r"(v));
	return (unsigned)v;
}

static inline void fe_set_flags(unsigned f)
{
	__asm__ volatile("fsflags %0" : : "r"((unsigned long)f));
}

static inline int fe_get_round(void)
{
	unsigned long v;
	__asm__ volatile("frrm %0" : "=r"(v));
	return (int)v;
}

static inline void fe_set_round(int r)
{
	__asm__ volatile("fsrm %0" : : "r"((unsigned long)r));
}

#elif defined(__x86_64__)

/* MXCSR: flags in bits 0..5 (IE DE ZE OE UE PE), rounding in bits 13..14. */
static inline unsigned fe_mxcsr(void)
{
	unsigned v;
	__asm__ volatile("stmxcsr %0" : "=m"(v));
	return v;
}

static inline unsigned fe_get_flags(void)
{
	unsigned m = fe_mxcsr(), f = 0;
	f |= (m & 0x01) ? FE_INVALID : 0;
	f |= (m & 0x04) ? FE_DIVBYZERO : 0;
	f |= (m & 0x08) ? FE_OVERFLOW : 0;
	f |= (m & 0x10) ? FE_UNDERFLOW : 0;
	f |= (m & 0x20) ? FE_INEXACT : 0;
	return f;
}

static inline void fe_set_flags(unsigned f)
{
	unsigned m = fe_mxcsr() & ~0x3fu;
	m |= (f & FE_INVALID) ? 0x01 : 0;
	m |= (f & FE_DIVBYZERO) ? 0x04 : 0;
	m |= (f & FE_OVERFLOW) ? 0x08 : 0;
	m |= (f & FE_UNDERFLOW) ? 0x10 : 0;
	m |= (f & FE_INEXACT) ? 0x20 : 0;
	__asm__ volatile("ldmxcsr %0" : : "m"(m));
}

static inline int fe_get_round(void)
{
	static const int modes[4] = {FE_TONEAREST, FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO};
	return modes[(fe_mxcsr() >> 13) & 3];
}

static inline void fe_set_round(int r)
{
	unsigned bits = r == FE_DOWNWARD ? 1 : r == FE_UPWARD ? 2 : r == FE_TOWARDZERO ? 3 : 0;
	unsigned m = (fe_mxcsr() & ~(3u << 13)) | bits << 13;
	__asm__ volatile("ldmxcsr %0" : : "m"(m));
}

#else

static inline unsigned fe_get_flags(void)
{
	return 0;
}

static inline void fe_set_flags(unsigned f)
{
	(void)f;
}

static inline int fe_get_round(void)
{
	return FE_TONEAREST;
}

static inline void fe_set_round(int r)
{
	(void)r;
}

#endif

#endif /* QSOE_FENV_IMPL_H */
