/*
 * exp.c - expl(), exp2l(), expm1l() and the quad-quad exponential core,
 * the binary128 twins of d/exp.c: x = (k/128) ln2 + r, |r| <= ln2/256,
 * e^x = 2^(k>>7) 2^((k&127)/128) e^r with 2^(j/128) tabulated to 226 bits
 * and e^r - 1 a degree-12 polynomial whose leading products are exact.
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

/* 2^(kk/128) e^(s + rs) = 2^(*k) (hi + lo). */
static long double core(int64_t kk, long double s, long double rs, long double *lo, int *k)
{
	int j = (int)(kk & 127);
	*k = (int)((kk - j) / 128);
	long double th = __ld_exp_tab[j][0], tl = __ld_exp_tab[j][1];
	long double q = LD_EXP_Q10;
	q = LD_EXP_Q9 + s * q;
	q = LD_EXP_Q8 + s * q;
	q = LD_EXP_Q7 + s * q;
	q = LD_EXP_Q6 + s * q;
	q = LD_EXP_Q5 + s * q;
	q = LD_EXP_Q4 + s * q;
	q = LD_EXP_Q3 + s * q;
	q = LD_EXP_Q2 + s * q;
	q = LD_EXP_Q1 + s * q;
	q = LD_EXP_Q0 + s * q;
	/* s^2 q with s^2 exact */
	long double zl;
	long double z = ld_two_prod(s, s, &zl);
	long double tail = z * q + zl * q + rs * (1 + s);
	long double ea;
	long double a = ld_two_prod(th, s, &ea);
	long double e1;
	long double h = ld_two_sum(th, a, &e1);
	long double l = e1 + ea + tl + th * tail + tl * (s + tail);
	return ld_fast_two_sum(h, l, lo);
}

/* e^(xh + xl); see ld128.h. */
long double __ld_exp_qq(long double xh, long double xl, long double *lo, int *k)
{
	const long double shift = 0x1.8p112L;
	long double kd = xh * LD_INVLN2N + shift;
	kd -= shift;
	int64_t kk = (int64_t)kd;
	long double r1 = xh - kd * LD_LN2N_1; /* exact */
	long double e;
	long double s = ld_two_sum(r1, -kd * LD_LN2N_2, &e);
	long double rs = e - kd * LD_LN2N_3 + xl;
	s = ld_two_sum(s, rs, &rs);
	return core(kk, s, rs, lo, k);
}

/* (hi + lo) 2^k rounded once; see ld128.h. */
long double __ld_scale(long double hi, long double lo, int k)
{
	if (hi == 0)
		return hi;
	int e = ldexp_of(hi) - 16383;
	long double s = ldpow2(-e);
	hi *= s;
	lo *= s;
	k += e; /* now hi is in [1, 2) */
	if (k > -16380 && k < 16380)
		return (hi + lo) * ldpow2(k);
	if (k >= 16380) {
		long double y = (hi + lo) * ldpow2(k - 10);
		y *= 0x1p10L;
		if (__builtin_isinf(y))
			errno = ERANGE;
		return y;
	}
	if (k < -16600)
		return __ld_uflow(hi < 0);
	/* near or below the subnormal range: round once on the 2^-16494 grid */
	long double sc = ldpow2(k + 16382);
	long double h = hi * sc, l = lo * sc, sign = 1.0L;
	if (h < 0) {
		h = -h;
		l = -l;
		sign = -1.0L;
	}
	long double y;
	if (h + l < 1.0L) {
		long double e;
		long double t = ld_two_sum(1.0L, h, &e);
		t += e + l;
		y = (t - 1.0L) * 0x1p-16382L;
		volatile long double u = 0x1p-16382L * 0x1p-16382L;
		(void)u;
		errno = ERANGE;
	} else {
		y = (h + l) * 0x1p-16382L;
	}
	return sign * y;
}

/* e^x. Overflow and underflow give ERANGE. */
long double expl(long double x)
{
	if (!(__builtin_fabsl(x) < 11357)) {
		if (__builtin_isnan(x))
			return x + x;
		if (__builtin_isinf(x))
			return x > 0 ? x : 0.0L;
		if (x > 0)
			return __ld_oflow(0);
		if (x < -11433.5L)
			return __ld_uflow(0);
	} else if (__builtin_fabsl(x) < 0x1p-115L) {
		return 1.0L + x;
	}
	long double lo;
	int k;
	long double hi = __ld_exp_qq(x, 0.0L, &lo, &k);
	return __ld_scale(hi, lo, k);
}

/* 2^x. */
long double exp2l(long double x)
{
	if (!(x < 16384 && x > -16496)) {
		if (__builtin_isnan(x))
			return x + x;
		if (__builtin_isinf(x))
			return x > 0 ? x : 0.0L;
		return x > 0 ? __ld_oflow(0) : __ld_uflow(0);
	}
	if (__builtin_fabsl(x) < 0x1p-116L)
		return 1.0L + x;
	const long double shift = 0x1.8p112L;
	long double kd = x * 128 + shift;
	kd -= shift;
	int64_t kk = (int64_t)kd;
	long double r = x - kd * 0x1p-7L; /* exact */
	long double sl;
	long double sh = ld_two_prod(r, LD_LN2_HI, &sl);
	sl += r * LD_LN2_LO;
	sh = ld_fast_two_sum(sh, sl, &sl);
	long double lo;
	int k;
	long double hi = core(kk, sh, sl, &lo, &k);
	return __ld_scale(hi, lo, k);
}

/* e^x - 1. */
long double expm1l(long double x)
{
	long double a = __builtin_fabsl(x);
	if (a < 0x1p-116L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	}
	if (!(a < 80)) {
		if (__builtin_isnan(x))
			return x + x;
		if (x < 0)
			return -1.0L + 0x1p-200L;
		if (__builtin_isinf(x))
			return x;
		if (x > 11357)
			return __ld_oflow(0);
		return expl(x);
	}
	if (a < 0x1p-9L) { /* x + x^2 q(x), x^2 exact */
		long double q = LD_EXP_Q10;
		q = LD_EXP_Q9 + x * q;
		q = LD_EXP_Q8 + x * q;
		q = LD_EXP_Q7 + x * q;
		q = LD_EXP_Q6 + x * q;
		q = LD_EXP_Q5 + x * q;
		q = LD_EXP_Q4 + x * q;
		q = LD_EXP_Q3 + x * q;
		q = LD_EXP_Q2 + x * q;
		q = LD_EXP_Q1 + x * q;
		q = LD_EXP_Q0 + x * q;
		long double zl;
		long double z = ld_two_prod(x, x, &zl);
		long double ql;
		long double qh = ld_two_prod(z, q, &ql);
		long double e;
		long double s = ld_two_sum(x, qh, &e);
		return s + (e + ql + zl * q);
	}
	long double lo;
	int k;
	long double hi = __ld_exp_qq(x, 0.0L, &lo, &k);
	long double s = ldpow2(k);
	long double h = hi * s, l = lo * s, e;
	long double d = ld_two_sum(h, -1.0L, &e);
	return d + (e + l);
}
