/*
 * libm.h - private helpers shared by the libm sources: bit access to
 * IEEE-754 values, error reporting (errno and exception flags), and exact
 * "double-double" arithmetic (a value held as an unevaluated sum hi + lo).
 *
 * Every libm source includes this first. Floating-point contraction is turned
 * off here: the error-free transformations below must see each operation
 * rounded exactly as written, on the host and on RISC-V alike (where a*b+c
 * would otherwise become fmadd). Exact products use fma where the target has
 * one in hardware and Dekker's splitting otherwise; both give the same bits.
 */
#ifndef QSOE_LIBM_H
#define QSOE_LIBM_H

#pragma GCC optimize("fp-contract=off")

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>

/* ---- bit access ---- */

static inline uint64_t asu64(double x)
{
	union {
		double f;
		uint64_t i;
	} u = {x};
	return u.i;
}

static inline double asdbl(uint64_t i)
{
	union {
		uint64_t i;
		double f;
	} u = {i};
	return u.f;
}

static inline uint32_t asu32(float x)
{
	union {
		float f;
		uint32_t i;
	} u = {x};
	return u.i;
}

static inline float asflt(uint32_t i)
{
	union {
		uint32_t i;
		float f;
	} u = {i};
	return u.f;
}

/* Biased exponent field of a double. */
static inline int dexp(double x)
{
	return (int)((asu64(x) >> 52) & 0x7ff);
}

/* Forces evaluation of a floating-point expression (for its exception flags). */
static inline void force_eval(double x)
{
	volatile double y = x;
	(void)y;
}

static inline void force_evalf(float x)
{
	volatile float y = x;
	(void)y;
}

/* ---- error reporting (math_errhandling is MATH_ERRNO | MATH_ERREXCEPT) ---- */

/* Sets errno to e and returns x. */
static inline double with_errno(double x, int e)
{
	errno = e;
	return x;
}

static inline float with_errnof(float x, int e)
{
	errno = e;
	return x;
}

/* Returns +-inf with the overflow flag raised and errno = ERANGE. */
double __math_oflow(int neg);
/* Returns +-0 with the underflow flag raised and errno = ERANGE. */
double __math_uflow(int neg);
/* Returns +-inf with the divide-by-zero flag raised and errno = ERANGE (a pole error). */
double __math_divzero(int neg);
/* Returns NaN with the invalid flag raised and errno = EDOM (a domain error). */
double __math_invalid(double x);
float __math_oflowf(int neg);
float __math_uflowf(int neg);
float __math_divzerof(int neg);
float __math_invalidf(float x);
/* Sets errno = ERANGE when a finite non-zero result y is subnormal (an underflow); returns y. */
double __math_check_uflow(double y);
float __math_check_uflowf(float y);

/*
 * Rounds a double result computed for a float function and reports float
 * overflow and underflow the way the float function itself must.
 */
float __math_narrow(double y);
/* The payload of nan(tag): tag parsed like strtoull(tag, 0, 0), 0 if malformed. */
unsigned long long __nan_payload(const char *tag);

/* ---- double-double arithmetic ---- */

/* s + *e == a + b exactly, s = RN(a + b). */
static inline double two_sum(double a, double b, double *e)
{
	double s = a + b;
	double bb = s - a;
	*e = (a - (s - bb)) + (b - bb);
	return s;
}

/* As two_sum, but requires |a| >= |b| (or a == 0). */
static inline double fast_two_sum(double a, double b, double *e)
{
	double s = a + b;
	*e = b - (s - a);
	return s;
}

/* p + *e == a * b exactly, p = RN(a * b); needs no overflow and |a*b| >= 2^-969. */
static inline double two_prod(double a, double b, double *e)
{
	double p = a * b;
#ifdef __FP_FAST_FMA
	*e = __builtin_fma(a, b, -p);
#else
	const double c = 134217729.0; /* 2^27 + 1 */
	double t = c * a;
	double ah = t - (t - a), al = a - ah;
	t = c * b;
	double bh = t - (t - b), bl = b - bh;
	*e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
#endif
	return p;
}

/* (hi, lo) = (ah + al) * (bh + bl), relative error about 2^-102. */
static inline double dd_mul(double ah, double al, double bh, double bl, double *lo)
{
	double e;
	double p = two_prod(ah, bh, &e);
	e += ah * bl + al * bh;
	return fast_two_sum(p, e, lo);
}

/* (hi, lo) = (ah + al) * b. */
static inline double dd_mul_d(double ah, double al, double b, double *lo)
{
	double e;
	double p = two_prod(ah, b, &e);
	e += al * b;
	return fast_two_sum(p, e, lo);
}

/* (hi, lo) = (ah + al) + (bh + bl), relative error about 2^-102 without cancellation. */
static inline double dd_add(double ah, double al, double bh, double bl, double *lo)
{
	double e;
	double s = two_sum(ah, bh, &e);
	e += al + bl;
	return fast_two_sum(s, e, lo);
}

/* (hi, lo) = (ah + al) / (bh + bl), relative error about 2^-100. */
static inline double dd_div(double ah, double al, double bh, double bl, double *lo)
{
	double q = ah / bh;
	double e;
	double p = two_prod(q, bh, &e);
	/* remainder (ah + al) - q * (bh + bl) */
	double r = ((ah - p) - e) + al - q * bl;
	double q2 = r / bh;
	return fast_two_sum(q, q2, lo);
}

/* (hi, lo) = sqrt(ah + al) for ah > 0. */
static inline double dd_sqrt(double ah, double al, double *lo)
{
	double s = __builtin_sqrt(ah);
	double e;
	double p = two_prod(s, s, &e);
	double c = ((ah - p) - e + al) / (2 * s);
	return fast_two_sum(s, c, lo);
}

/* ---- shared cores (double) ---- */

/*
 * e^(xh + xl) as hi + lo times 2^*k (with hi in [0.7, 1.5)); |xh| <= 746,
 * |xl| <= 2^-40 |xh| + 2^-1000. Relative error below 2^-63.
 */
double __exp_dd(double xh, double xl, double *lo, int *k);
/*
 * Scales hi + lo (hi in [1, 2.01)) by 2^k with a single rounding, reporting
 * overflow and underflow (ERANGE).
 */
double __exp_scale(double hi, double lo, int k);
/* The same for any normal hi (renormalises first). */
double __math_scale_dd(double h, double l, int k);
/*
 * log(xh + xl) as hi + lo for a positive normal or subnormal xh and
 * |xl| <= ulp(xh); relative error below 2^-68.
 */
double __log_dd(double xh, double xl, double *lo);
/*
 * Reduces x modulo pi/2: returns n (mod 2^31) and y[0] + y[1] = x - n*pi/2,
 * |y[0] + y[1]| <= pi/4 * (1 + 2^-40). Exact to about 2^-120 relative.
 */
int __rem_pio2(double x, double y[2]);
/* The same for a value exact to 2^-1200 already known to be huge (|x| >= 2^20). */
int __rem_pio2_large(double x, double y[2]);
/* sin and cos of y0 + y1 with |y0 + y1| <= pi/4 * (1 + 2^-40), as hi + lo. */
double __sin_kernel(double y0, double y1, double *lo);
double __cos_kernel(double y0, double y1, double *lo);
/* atan(xh + xl) as hi + lo for 0 <= xh <= 1. */
double __atan_dd(double xh, double xl, double *lo);
/* atan2 of double-double arguments, both finite, not both zero; hi + lo. */
double __atan2_dd(double yh, double yl, double xh, double xl, double *lo);

/* ---- generated tables (tab_double.c) ---- */

extern const double __exp_tab[128][2];    /* 2^(j/128) as hi, lo */
extern const double __log_tab[91][3];     /* for c = (91+j)/128: 1/c, -log(1/c) hi, lo */
extern const double __atan_tab[65][2];    /* atan(j/64) as hi, lo */
extern const uint64_t __two_over_pi[264]; /* bits of 2/pi, most significant first */
/* erfc(x) e^(x^2) on [lo, next lo) as fh + fl + (x - c) q(x - c), for 1/2 <= x < 4. */
struct erfc_iv {
	double lo, c, fh, fl;
	double q[15];
};
extern const struct erfc_iv __erfc_tab[10];

#endif /* QSOE_LIBM_H */
