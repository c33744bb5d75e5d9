/*
 * log.c - logl(), log2l(), log10l(), log1pl() and the quad-quad
 * logarithm core, the binary128 twins of d/log.c: x = 2^k m, m in
 * [sqrt(1/2), sqrt(2)), c = round(128 m)/128, r = m invc - 1 exact,
 * log(x) = k ln2 - log(invc) + r - r^2/2 + r^3 q(r).
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

/* log(xh + xl) as hi + lo; see ld128.h. */
long double __ld_log_qq(long double xh, long double xl, long double *lo)
{
	u128 ix = asu128(xh);
	int k = 0;
	if ((ix >> 112) == 0) { /* subnormal */
		xh *= 0x1p120L;
		xl *= 0x1p120L;
		ix = asu128(xh);
		k = -120;
	}
	k += (int)(ix >> 112) - 16383;
	u128 mant = ix & LD_MANT;
	long double m;
	/* sqrt(2) = 1.6a09e667f3bcc908b2fb1366ea957d3e... */
	if (mant > ((u128)0x6a09e667f3bcULL << 64 | 0xc908b2fb1366ea95ULL)) {
		m = asld(mant | ((u128)16382 << 112));
		k += 1;
	} else {
		m = asld(mant | ((u128)16383 << 112));
	}
	long double ml = 0.0L;
	if (xl != 0)
		ml = scalbnl(xl, -k);
	int j = (int)(m * 128 + 0.5L) - 91;
	long double invc = __ld_log_tab[j][0];
	long double e;
	long double p = ld_two_prod(m, invc, &e);
	long double rl;
	long double r = ld_two_sum(p - 1.0L, e + ml * invc, &rl);
	long double r2e;
	long double r2 = ld_two_prod(r, r, &r2e);
	long double q = LD_LOG_Q16;
	q = LD_LOG_Q15 + r * q;
	q = LD_LOG_Q14 + r * q;
	q = LD_LOG_Q13 + r * q;
	q = LD_LOG_Q12 + r * q;
	q = LD_LOG_Q11 + r * q;
	q = LD_LOG_Q10 + r * q;
	q = LD_LOG_Q9 + r * q;
	q = LD_LOG_Q8 + r * q;
	q = LD_LOG_Q7 + r * q;
	q = LD_LOG_Q6 + r * q;
	q = LD_LOG_Q5 + r * q;
	q = LD_LOG_Q4 + r * q;
	q = LD_LOG_Q3 + r * q;
	q = LD_LOG_Q2 + r * q;
	q = LD_LOG_Q1 + r * q;
	q = LD_LOG_Q0 + r * q;
	long double kd = (long double)k;
	long double e1, e2, e3;
	long double t1 = ld_two_sum(kd * LD_LN2_1, __ld_log_tab[j][1], &e1);
	long double t2 = ld_two_sum(t1, r, &e2);
	long double t3 = ld_two_sum(t2, -0.5L * r2, &e3);
	long double l = e1 + e2 + e3 + kd * LD_LN2_2_HI + kd * LD_LN2_2_LO + __ld_log_tab[j][2] +
	                rl * (1 - r) - 0.5L * r2e + r * r2 * q;
	return ld_fast_two_sum(t3, l, lo);
}

/* The special arguments of the logarithms; 1 with *res set for them. */
static int special(long double x, long double *res)
{
	if (x > 0 && __builtin_isfinite(x))
		return 0;
	if (x == 0)
		*res = __ld_divzero(1);
	else if (__builtin_isnan(x))
		*res = x + x;
	else if (x < 0)
		*res = __ld_invalid(x);
	else
		*res = x;
	return 1;
}

long double logl(long double x)
{
	long double res, lo;
	if (special(x, &res))
		return res;
	return __ld_log_qq(x, 0.0L, &lo);
}

long double log2l(long double x)
{
	long double res, lo;
	if (special(x, &res))
		return res;
	long double hi = __ld_log_qq(x, 0.0L, &lo);
	return qq_mul(hi, lo, LD_INVLN2_HI, LD_INVLN2_LO, &lo);
}

long double log10l(long double x)
{
	long double res, lo;
	if (special(x, &res))
		return res;
	long double hi = __ld_log_qq(x, 0.0L, &lo);
	return qq_mul(hi, lo, LD_INVLN10_HI, LD_INVLN10_LO, &lo);
}

long double log1pl(long double x)
{
	if (__builtin_fabsl(x) < 0x1p-115L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	}
	if (x <= -1.0L || !__builtin_isfinite(x)) {
		if (x == -1.0L)
			return __ld_divzero(1);
		if (__builtin_isnan(x))
			return x + x;
		if (x < -1.0L)
			return __ld_invalid(x);
		return x;
	}
	long double l, lo;
	if (x > 0x1p120L) /* 1 is far below the rounding of x */
		return __ld_log_qq(x, 0.0L, &lo);
	long double h = ld_two_sum(1.0L, x, &l);
	return __ld_log_qq(h, l, &lo);
}
