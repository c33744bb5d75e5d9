/*
 * hyper.c - sinhl, coshl, tanhl, asinhl, acoshl, atanhl, cbrtl, hypotl and
 * powl for binary128, by the methods of their double twins (d/hyper.c,
 * d/ahyper.c, d/cbrt.c, d/hypot.c, d/pow.c) on the quad-quad cores.
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

/* e^a as a quad-quad for 0 <= a <= 80. */
static long double exp_pair(long double a, long double *el)
{
	long double lo;
	int k;
	long double hi = __ld_exp_qq(a, 0.0L, &lo, &k);
	long double s = ldpow2(k);
	*el = lo * s;
	return hi * s;
}

long double coshl(long double x)
{
	long double a = __builtin_fabsl(x);
	if (!(a < 80)) {
		if (__builtin_isnan(x) || __builtin_isinf(x))
			return a + a;
		if (a > 11400)
			return __ld_oflow(0);
		long double lo;
		int k;
		long double hi = __ld_exp_qq(a, 0.0L, &lo, &k);
		return __ld_scale(hi, lo, k - 1);
	}
	if (a < 0x1p-58L)
		return 1.0L + a * 0x1p-200L;
	long double el, il, sl;
	long double eh = exp_pair(a, &el);
	long double ih = qq_div(1.0L, 0.0L, eh, el, &il);
	long double sh = qq_add(eh, el, ih, il, &sl);
	return 0.5L * sh;
}

long double sinhl(long double x)
{
	long double a = __builtin_fabsl(x), r;
	if (!(a < 80)) {
		if (__builtin_isnan(x) || __builtin_isinf(x))
			return x + x;
		if (a > 11400)
			return __ld_oflow(x < 0);
		long double lo;
		int k;
		long double hi = __ld_exp_qq(a, 0.0L, &lo, &k);
		r = __ld_scale(hi, lo, k - 1);
	} else if (a < 0x1p-57L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	} else {
		long double el, il, dl;
		long double eh = exp_pair(a, &el);
		long double ih = qq_div(1.0L, 0.0L, eh, el, &il);
		long double dh = qq_add(eh, el, -ih, -il, &dl);
		r = 0.5L * dh;
	}
	return x < 0 ? -r : r;
}

long double tanhl(long double x)
{
	long double a = __builtin_fabsl(x), r;
	if (!(a < 40)) {
		if (__builtin_isnan(x))
			return x + x;
		r = 1.0L - 0x1p-200L;
	} else if (a < 0x1p-58L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	} else {
		long double el, e, ml, dl, ql;
		long double eh = exp_pair(2 * a, &el);
		long double mh = ld_two_sum(eh, -1.0L, &e);
		mh = ld_fast_two_sum(mh, e + el, &ml);
		long double dh = qq_add(mh, ml, 2.0L, 0.0L, &dl);
		r = qq_div(mh, ml, dh, dl, &ql);
	}
	return x < 0 ? -r : r;
}

long double asinhl(long double x)
{
	long double a = __builtin_fabsl(x), r, lo;
	if (!(a < 0x1p60L)) {
		if (!__builtin_isfinite(x))
			return x + x;
		long double h = __ld_log_qq(a, 0.0L, &lo);
		r = qq_add(h, lo, LD_LN2_HI, LD_LN2_LO, &lo);
	} else if (a < 0x1p-57L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	} else {
		long double pl, e, sl, ql, tl;
		long double ph = ld_two_prod(a, a, &pl);
		long double sh = ld_two_sum(ph, 1.0L, &e);
		sh = ld_fast_two_sum(sh, e + pl, &sl);
		long double qh = qq_sqrt(sh, sl, &ql);
		long double th = qq_add(qh, ql, a, 0.0L, &tl);
		r = __ld_log_qq(th, tl, &lo);
	}
	return x < 0 ? -r : r;
}

long double acoshl(long double x)
{
	long double lo;
	if (!(x >= 1.0L)) {
		if (__builtin_isnan(x))
			return x + x;
		return __ld_invalid(x);
	}
	if (x >= 0x1p60L) {
		if (__builtin_isinf(x))
			return x;
		long double h = __ld_log_qq(x, 0.0L, &lo);
		return qq_add(h, lo, LD_LN2_HI, LD_LN2_LO, &lo);
	}
	if (x == 1.0L)
		return 0.0L;
	long double pl, e, sl, ql, tl;
	long double ph = ld_two_prod(x, x, &pl);
	long double sh = ld_two_sum(ph, -1.0L, &e);
	sh = ld_two_sum(sh, e + pl, &sl);
	long double qh = qq_sqrt(sh, sl, &ql);
	long double th = qq_add(qh, ql, x, 0.0L, &tl);
	return __ld_log_qq(th, tl, &lo);
}

long double atanhl(long double x)
{
	long double a = __builtin_fabsl(x);
	if (!(a < 1.0L)) {
		if (__builtin_isnan(x))
			return x + x;
		if (a == 1.0L)
			return __ld_divzero(x < 0);
		return __ld_invalid(x);
	}
	if (a < 0x1p-58L) {
		if (x != 0) {
			volatile long double t = x + 0x1p-16000L;
			(void)t;
		}
		return x;
	}
	long double nl, dl, ql, lo;
	long double nh = ld_two_sum(1.0L, a, &nl);
	long double dh = ld_two_sum(1.0L, -a, &dl);
	long double qh = qq_div(nh, nl, dh, dl, &ql);
	long double r = 0.5L * __ld_log_qq(qh, ql, &lo);
	return x < 0 ? -r : r;
}

/* Cube root: x = t 2^(3k), t in [1, 8), a double first guess, Newton in quad, one exact correction. */
long double cbrtl(long double x)
{
	if (x == 0 || !__builtin_isfinite(x))
		return x + x;
	int e;
	long double m = frexpl(__builtin_fabsl(x), &e); /* x = m 2^e, m in [0.5, 1) */
	e -= 1;
	m *= 2; /* m in [1, 2) */
	int k = e >= 0 ? e / 3 : -((-e + 2) / 3);
	int r = e - 3 * k;
	long double t = m * (long double)(1 << r); /* exact: t in [1, 8) */
	long double y = cbrt((double)t);
	for (int i = 0; i < 2; i++)
		y = y - (y * y * y - t) / (3 * y * y);
	long double s2l, s3l;
	long double s2 = ld_two_prod(y, y, &s2l);
	long double s3 = qq_mul(s2, s2l, y, 0.0L, &s3l);
	y += ((t - s3) - s3l) / (3 * s2);
	y = scalbnl(y, k);
	return x < 0 ? -y : y;
}

long double hypotl(long double x, long double y)
{
	long double a = __builtin_fabsl(x), b = __builtin_fabsl(y);
	if (__builtin_isinf(a) || __builtin_isinf(b))
		return __builtin_infl();
	if (__builtin_isnan(a) || __builtin_isnan(b))
		return a + b;
	if (a < b) {
		long double t = a;
		a = b;
		b = t;
	}
	if (b == 0)
		return a;
	int ea = ilogbl(a), eb = ilogbl(b);
	if (ea - eb > 120)
		return a + b;
	a = scalbnl(a, -ea);
	b = scalbnl(b, -ea);
	long double ae, be, sl, rl;
	long double a2 = ld_two_prod(a, a, &ae);
	long double b2 = ld_two_prod(b, b, &be);
	long double sh = qq_add(a2, ae, b2, be, &sl);
	long double rh = qq_sqrt(sh, sl, &rl);
	return scalbnl(rh + rl, ea);
}

/* 0 if y is not an integer, 1 if odd, 2 if even. */
static int int_kind(long double y)
{
	long double t = truncl(y);
	if (t != y)
		return 0;
	if (__builtin_fabsl(y) >= 0x1p113L)
		return 2;
	return fmodl(t, 2.0L) != 0 ? 1 : 2;
}

/* x raised to the power y (C11 F.10.4.4 special cases). */
long double powl(long double x, long double y)
{
	int neg = 0;
	if (y == 0 || x == 1.0L)
		return 1.0L;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(y)) {
		long double ax = __builtin_fabsl(x);
		if (ax == 1.0L)
			return 1.0L;
		return (ax < 1.0L) == (y < 0) ? __builtin_infl() : 0.0L;
	}
	int yk = int_kind(y);
	if (x == 0) {
		neg = __builtin_signbit(x) && yk == 1;
		if (y < 0)
			return __ld_divzero(neg);
		return neg ? -0.0L : 0.0L;
	}
	if (x < 0) {
		if (yk == 0) {
			if (__builtin_isinf(x))
				return y < 0 ? 0.0L : __builtin_infl();
			return __ld_invalid(x);
		}
		neg = yk == 1;
		x = -x;
	}
	if (x == 1.0L)
		return neg ? -1.0L : 1.0L;
	if (__builtin_isinf(x)) {
		if (y < 0)
			return neg ? -0.0L : 0.0L;
		return neg ? -x : x;
	}
	if (__builtin_fabsl(y) >= 0x1p128L)
		return (x < 1.0L) == (y > 0) ? __ld_uflow(neg) : __ld_oflow(neg);
	long double ll, el;
	long double lh = __ld_log_qq(x, 0.0L, &ll);
	long double eh = ld_two_prod(y, lh, &el);
	el += y * ll;
	eh = ld_fast_two_sum(eh, el, &el);
	if (eh > 11357.0L)
		return __ld_oflow(neg);
	if (eh < -11434.0L)
		return __ld_uflow(neg);
	long double lo;
	int k;
	long double hi = __ld_exp_qq(eh, el, &lo, &k);
	long double r = __ld_scale(hi, lo, k);
	return neg ? -r : r;
}
