/*
 * pow.c - pow(x, y) = e^(y log|x|), with the sign of x^y for integer y.
 *
 * log|x| comes from the double-double core (relative error < 2^-68); the
 * product y log|x| is formed as a double-double and fed to the
 * double-double exponential, so the only large error is the final rounding:
 * within 0.52 ulp everywhere, subnormal results included. The special cases
 * follow C11 Annex F.10.4.4.
 */
#include "../internal/libm.h"

/* 0 if y is not an integer, 1 if it is an odd integer, 2 if even. */
static int int_kind(double y)
{
	int e = dexp(y);
	if (e < 0x3ff)
		return y == 0 ? 2 : 0;
	if (e > 0x3ff + 52)
		return 2;
	uint64_t frac_bits = 0x3ff + 52 - e;
	uint64_t iy = asu64(y);
	if (iy & ((1ULL << frac_bits) - 1))
		return 0;
	return (iy >> frac_bits) & 1 ? 1 : 2;
}

/* x raised to the power y. */
double pow(double x, double y)
{
	uint64_t ix = asu64(x), iy = asu64(y);
	int neg = 0;

	if (y == 0 || x == 1.0)
		return 1.0;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(y)) {
		double ax = __builtin_fabs(x);
		if (ax == 1.0)
			return 1.0;
		if ((ax < 1.0) == (y < 0))
			return __builtin_inf();
		return 0.0;
	}
	int yk = int_kind(y);
	if (x == 0) {
		neg = (ix >> 63) && yk == 1;
		if (y < 0)
			return __math_divzero(neg);
		return neg ? -0.0 : 0.0;
	}
	if (ix >> 63) {
		if (yk == 0) {
			if (__builtin_isinf(x))
				return y < 0 ? 0.0 : __builtin_inf();
			return __math_invalid(x);
		}
		neg = yk == 1;
		x = -x;
		ix &= 0x7fffffffffffffffULL;
	}
	if (x == 1.0) /* x was -1 and y an integer */
		return neg ? -1.0 : 1.0;
	if (__builtin_isinf(x)) {
		if (y < 0)
			return neg ? -0.0 : 0.0;
		return neg ? -x : x;
	}
	if ((iy & 0x7fffffffffffffffULL) >= 0x43f0000000000000ULL) {
		/* |y| >= 2^64 and x != 1: the result overflows or underflows */
		if ((x < 1.0) == (y > 0))
			return __math_uflow(neg);
		return __math_oflow(neg);
	}
	double ll;
	double lh = __log_dd(x, 0.0, &ll);
	double el;
	double eh = two_prod(y, lh, &el);
	el += y * ll;
	eh = fast_two_sum(eh, el, &el);
	if (eh > 709.8)
		return __math_oflow(neg);
	if (eh < -745.2)
		return __math_uflow(neg);
	double lo;
	int k;
	double hi = __exp_dd(eh, el, &lo, &k);
	double r = __exp_scale(hi, lo, k);
	return neg ? -r : r;
}
