/*
 * ld128.h - private helpers of the long double (IEEE binary128) functions:
 * bit access, exact "quad-quad" arithmetic (a value as hi + lo, about 226
 * bits) and the shared cores. long double is binary128 on RISC-V lp64 and
 * in the host test build (-mlong-double-128); the arithmetic is software.
 */
#ifndef QSOE_LD128_H
#define QSOE_LD128_H

#include "libm.h"

#if LDBL_MANT_DIG != 113
#error "these sources need long double to be IEEE binary128"
#endif

typedef unsigned __int128 u128;

/* The two 64-bit halves of a binary128 (little endian). */
union ldbits {
	long double f;
	struct {
		uint64_t lo, hi;
	} w;
	u128 i;
};

static inline u128 asu128(long double x)
{
	union ldbits u = {x};
	return u.i;
}

static inline long double asld(u128 i)
{
	union ldbits u;
	u.i = i;
	return u.f;
}

/* Biased exponent (0..0x7fff). */
static inline int ldexp_of(long double x)
{
	return (int)((asu128(x) >> 112) & 0x7fff);
}

/* 2^e for a normal exponent e (-16382..16383). */
static inline long double ldpow2(int e)
{
	return asld((u128)(e + 16383) << 112);
}

#define LD_SIGN ((u128)1 << 127)
#define LD_MANT (((u128)1 << 112) - 1)

/* s + *e == a + b exactly. */
static inline long double ld_two_sum(long double a, long double b, long double *e)
{
	long double s = a + b;
	long double bb = s - a;
	*e = (a - (s - bb)) + (b - bb);
	return s;
}

/* As ld_two_sum, for |a| >= |b|. */
static inline long double ld_fast_two_sum(long double a, long double b, long double *e)
{
	long double s = a + b;
	*e = b - (s - a);
	return s;
}

/* p + *e == a * b exactly (Dekker; no overflow, |a b| >= 2^-16200). */
static inline long double ld_two_prod(long double a, long double b, long double *e)
{
	const long double c = 0x1p57L + 1;
	long double p = a * b;
	long double t = c * a;
	long double ah = t - (t - a), al = a - ah;
	t = c * b;
	long double bh = t - (t - b), bl = b - bh;
	*e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
	return p;
}

static inline long double qq_mul(long double ah, long double al, long double bh, long double bl,
                                 long double *lo)
{
	long double e;
	long double p = ld_two_prod(ah, bh, &e);
	e += ah * bl + al * bh;
	return ld_fast_two_sum(p, e, lo);
}

static inline long double qq_add(long double ah, long double al, long double bh, long double bl,
                                 long double *lo)
{
	long double e;
	long double s = ld_two_sum(ah, bh, &e);
	e += al + bl;
	return ld_fast_two_sum(s, e, lo);
}

static inline long double qq_div(long double ah, long double al, long double bh, long double bl,
                                 long double *lo)
{
	long double q = ah / bh;
	long double e;
	long double p = ld_two_prod(q, bh, &e);
	long double r = ((ah - p) - e) + al - q * bl;
	return ld_fast_two_sum(q, r / bh, lo);
}

static inline long double qq_sqrt(long double ah, long double al, long double *lo)
{
	long double s = sqrtl(ah);
	long double e;
	long double p = ld_two_prod(s, s, &e);
	return ld_fast_two_sum(s, ((ah - p) - e + al) / (2 * s), lo);
}

/* ---- shared cores ---- */

/* e^(xh + xl) = 2^(*k) (hi + lo); |xh| < 11400, relative error about 2^-122. */
long double __ld_exp_qq(long double xh, long double xl, long double *lo, int *k);
/* (hi + lo) 2^k rounded once, with overflow/underflow reported; any normal hi. */
long double __ld_scale(long double hi, long double lo, int k);
/* log(xh + xl) as hi + lo for xh > 0 (|xl| <= ulp(xh)); relative error about 2^-125. */
long double __ld_log_qq(long double xh, long double xl, long double *lo);
/* x = n pi/2 + y[0] + y[1], |y| <= pi/4 (1 + 2^-40); returns n mod 4. */
int __ld_rem_pio2(long double x, long double y[2]);
long double __ld_sin_kernel(long double y0, long double y1, long double *lo);
long double __ld_cos_kernel(long double y0, long double y1, long double *lo);
/* atan(xh + xl) for 0 <= xh <= 1, and atan2 of quad-quad arguments. */
long double __ld_atan_qq(long double xh, long double xl, long double *lo);
long double __ld_atan2_qq(long double yh, long double yl, long double xh, long double xl,
                          long double *lo);
/* Returns NaN and sets EDOM (the invalid flag comes from the arithmetic). */
long double __ld_invalid(long double x);
/* +-inf with ERANGE, +-0 with ERANGE, +-inf (pole) with ERANGE. */
long double __ld_oflow(int neg);
long double __ld_uflow(int neg);
long double __ld_divzero(int neg);

extern const long double __ld_exp_tab[128][2];
extern const long double __ld_log_tab[91][3];
extern const long double __ld_atan_tab[129][2];

#endif /* QSOE_LD128_H */
