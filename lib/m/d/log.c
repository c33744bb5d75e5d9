/*
 * log.c - log(), log2(), log10() and log1p(), over a double-double
 * logarithm core shared with pow, the inverse hyperbolic functions and the
 * gamma functions.
 *
 * Method: x = 2^k * m with m in [sqrt(1/2), sqrt(2)); c = round(128 m)/128
 * picks a table entry holding invc ~ 1/c and -log(invc) to 106 bits. Then
 * r = m * invc - 1 is formed exactly (|r| < 0.0056) and
 *   log(x) = k ln2 - log(invc) + log1p(r),
 * log1p(r) = r - r^2/2 + r^3 q(r), with r^2 exact. The core's relative
 * error is below 2^-68, so the final results are within 0.501 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* log(xh + xl) as hi + lo; see libm.h. */
double __log_dd(double xh, double xl, double *lo)
{
	uint64_t ix = asu64(xh);
	int k = 0;
	if (ix < 0x0010000000000000ULL) { /* subnormal */
		xh *= 0x1p52;
		xl *= 0x1p52;
		ix = asu64(xh);
		k = -52;
	}
	k += (int)(ix >> 52) - 1023;
	uint64_t mant = ix & 0x000fffffffffffffULL;
	double m;
	if (mant > 0x6a09e667f3bcdULL) { /* m > sqrt(2): use m/2 */
		m = asdbl(mant | 0x3fe0000000000000ULL);
		k += 1;
	} else {
		m = asdbl(mant | 0x3ff0000000000000ULL);
	}
	double ml = 0.0; /* xl / 2^k in two exact steps, |k| <= 1075 */
	if (xl != 0) {
		int n = -k;
		ml = xl * asdbl((uint64_t)(1023 + n / 2) << 52) *
		     asdbl((uint64_t)(1023 + n - n / 2) << 52);
	}
	int j = (int)(m * 128 + 0.5) - 91;
	double invc = __log_tab[j][0];
	double e;
	double p = two_prod(m, invc, &e);
	double rl;
	double r = two_sum(p - 1.0, e + ml * invc, &rl);
	double r2e;
	double r2 = two_prod(r, r, &r2e);
	double q = LOG_Q0 +
	           r * (LOG_Q1 +
	                r * (LOG_Q2 + r * (LOG_Q3 + r * (LOG_Q4 + r * (LOG_Q5 + r * LOG_Q6)))));
	double kd = (double)k;
	double e1, e2, e3;
	double t1 = two_sum(kd * LN2_HI, __log_tab[j][1], &e1);
	double t2 = two_sum(t1, r, &e2);
	double t3 = two_sum(t2, -0.5 * r2, &e3);
	double l = e1 + e2 + e3 + kd * LN2_LO + __log_tab[j][2] + rl * (1 - r) - 0.5 * r2e +
	           r * r2 * q;
	return fast_two_sum(t3, l, lo);
}

/*
 * Handles the special arguments of the logarithms: returns 1 with *res set
 * when x is zero, negative, infinite or NaN.
 */
static int log_special(double x, double *res)
{
	uint64_t ix = asu64(x);
	if (ix - 0x0000000000000001ULL < 0x7ff0000000000000ULL - 1)
		return 0; /* positive, finite, non-zero */
	if (x == 0)
		*res = __math_divzero(1);
	else if (__builtin_isnan(x))
		*res = x + x;
	else if (x < 0)
		*res = __math_invalid(x);
	else
		*res = x; /* +inf */
	return 1;
}

/* Natural logarithm. log(0) = -inf (ERANGE), log(x<0) = NaN (EDOM). */
double log(double x)
{
	double res, lo;
	if (log_special(x, &res))
		return res;
	return __log_dd(x, 0.0, &lo);
}

/* Base-2 logarithm, exact for powers of two. */
double log2(double x)
{
	double res, lo;
	if (log_special(x, &res))
		return res;
	double hi = __log_dd(x, 0.0, &lo);
	return dd_mul(hi, lo, INVLN2_HI, INVLN2_LO, &lo);
}

/* Base-10 logarithm. */
double log10(double x)
{
	double res, lo;
	if (log_special(x, &res))
		return res;
	double hi = __log_dd(x, 0.0, &lo);
	return dd_mul(hi, lo, INVLN10_HI, INVLN10_LO, &lo);
}

/* log(1 + x), accurate near 0. log1p(-1) = -inf (ERANGE), x < -1 gives EDOM. */
double log1p(double x)
{
	uint64_t ix = asu64(x);
	if ((ix & 0x7fffffffffffffffULL) < 0x3c90000000000000ULL) { /* |x| < 2^-54 */
		if (x != 0)
			force_eval(x + 0x1p-1000); /* inexact */
		return x;
	}
	if (x <= -1.0 || !__builtin_isfinite(x)) {
		if (x == -1.0)
			return __math_divzero(1);
		if (__builtin_isnan(x))
			return x + x;
		if (x < -1.0)
			return __math_invalid(x);
		return x; /* +inf */
	}
	double l;
	double h = two_sum(1.0, x, &l);
	double lo;
	return __log_dd(h, l, &lo);
}
