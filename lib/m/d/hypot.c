/*
 * hypot.c - sqrt(x^2 + y^2) without undue overflow or underflow: both
 * arguments are scaled by the same power of two, the sum of squares is
 * formed exactly as a double-double and its square root taken in
 * double-double. Within 0.51 ulp.
 */
#include "../internal/libm.h"

/* Euclidean distance; hypot(+-inf, NaN) = +inf. Overflow gives ERANGE. */
double hypot(double x, double y)
{
	double a = __builtin_fabs(x), b = __builtin_fabs(y);
	if (__builtin_isinf(a) || __builtin_isinf(b))
		return __builtin_inf();
	if (__builtin_isnan(a) || __builtin_isnan(b))
		return a + b;
	if (a < b) {
		double t = a;
		a = b;
		b = t;
	}
	if (b == 0)
		return a;
	int ea = dexp(a), eb = dexp(b);
	if (ea - eb > 60)
		return a + b;
	/* scale so that a is in [1, 2): multiply by 2^n in two exact steps */
	if (ea == 0)
		ea = 1 - (__builtin_clzll(asu64(a)) - 11);
	int n = 1023 - ea;
	double s1 = asdbl((uint64_t)(1023 + n / 2) << 52);
	double s2 = asdbl((uint64_t)(1023 + n - n / 2) << 52);
	a = a * s1 * s2;
	b = b * s1 * s2;
	double ae, be;
	double a2 = two_prod(a, a, &ae);
	double b2 = two_prod(b, b, &be);
	double sl;
	double sh = dd_add(a2, ae, b2, be, &sl);
	double rl;
	double rh = dd_sqrt(sh, sl, &rl);
	double r = rh + rl;
	/* scale back by 2^-n */
	n = -n;
	if (n > 1000) {
		r *= 0x1p1000;
		n -= 1000;
		r *= asdbl((uint64_t)(1023 + n) << 52);
		if (__builtin_isinf(r))
			errno = ERANGE;
		return r;
	}
	if (n < -1000) {
		r *= 0x1p-1000;
		n += 1000;
	}
	r *= asdbl((uint64_t)(1023 + n) << 52);
	return r;
}
