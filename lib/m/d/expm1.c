/*
 * expm1.c - e^x - 1, accurate for small x.
 *
 * |x| < 2^-9: x + x^2 q(x) with the exp polynomial. Otherwise e^x = 2^k (hi + lo)
 * from the double-double core, whose absolute error is about 2^-106 near 1,
 * and 1 is subtracted with an exact two-sum. Within 0.51 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* e^x - 1. Overflow gives ERANGE. */
double expm1(double x)
{
	uint64_t ix = asu64(x);
	uint32_t top = (uint32_t)(ix >> 52) & 0x7ff;
	if (top < 0x3c9) { /* |x| < 2^-54: e^x - 1 rounds to x */
		if (x != 0)
			force_eval(x + 0x1p-1000);
		return x;
	}
	if (top >= 0x404) { /* |x| >= 32, inf or nan */
		if (__builtin_isnan(x))
			return x + x;
		if (x < 0) {
			if (x < -40) {
				force_eval(0x1p-1000 + 1.0); /* inexact */
				return -1.0;
			}
		} else {
			if (__builtin_isinf(x))
				return x;
			if (x > 0x1.62e42fefa39efp+9)
				return __math_oflow(0);
		}
	}
	if (top < 0x3f6) { /* |x| < 2^-9: x + x^2 q(x) directly */
		double q = EXP_Q0 + x * (EXP_Q1 + x * (EXP_Q2 + x * (EXP_Q3 + x * EXP_Q4)));
		return x + x * x * q;
	}
	double lo;
	int k;
	double hi = __exp_dd(x, 0.0, &lo, &k);
	if (k > 60)
		return __exp_scale(hi, lo, k);
	/* 2^k (hi + lo) - 1 with one final rounding */
	double s = asdbl((uint64_t)(1023 + k) << 52);
	double h = hi * s, l = lo * s; /* exact */
	double e;
	double d = two_sum(h, -1.0, &e);
	return d + (e + l);
}
