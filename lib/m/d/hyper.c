/*
 * hyper.c - sinh(), cosh() and tanh() from the double-double exponential.
 *
 * With E = e^|x| as a double-double (absolute error about 2^-106 near 1),
 * sinh = (E - 1/E)/2, cosh = (E + 1/E)/2 and tanh = (E^2 - 1)/(E^2 + 1) are
 * formed in double-double arithmetic, so cancellation costs nothing and the
 * results are within 0.51 ulp.
 */
#include "../internal/libm.h"

/* e^a (a >= 0, a <= 32) as a double-double eh + *el. */
static double exp_pair(double a, double *el)
{
	double lo;
	int k;
	double hi = __exp_dd(a, 0.0, &lo, &k);
	double s = asdbl((uint64_t)(1023 + k) << 52);
	*el = lo * s;
	return hi * s;
}

/* Hyperbolic cosine. Overflow gives ERANGE. */
double cosh(double x)
{
	double a = __builtin_fabs(x);
	if (!(a < 32)) {
		if (__builtin_isnan(x) || __builtin_isinf(x))
			return a + a;
		if (a > 711)
			return __math_oflow(0);
		double lo;
		int k;
		double hi = __exp_dd(a, 0.0, &lo, &k);
		return __exp_scale(hi, lo, k - 1);
	}
	if (a < 0x1p-27) {
		force_eval(a + 0x1p-1000);
		return 1.0;
	}
	double el;
	double eh = exp_pair(a, &el);
	double il;
	double ih = dd_div(1.0, 0.0, eh, el, &il);
	double sl;
	double sh = dd_add(eh, el, ih, il, &sl);
	return 0.5 * sh;
}

/* Hyperbolic sine. Overflow gives ERANGE. */
double sinh(double x)
{
	double a = __builtin_fabs(x);
	double r;
	if (!(a < 32)) {
		if (__builtin_isnan(x) || __builtin_isinf(x))
			return x + x;
		if (a > 711)
			return __math_oflow(x < 0);
		double lo;
		int k;
		double hi = __exp_dd(a, 0.0, &lo, &k);
		r = __exp_scale(hi, lo, k - 1);
	} else if (a < 0x1p-26) {
		if (x != 0)
			force_eval(x + 0x1p-1000);
		return x;
	} else {
		double el;
		double eh = exp_pair(a, &el);
		double il;
		double ih = dd_div(1.0, 0.0, eh, el, &il);
		double dl;
		double dh = dd_add(eh, el, -ih, -il, &dl);
		r = 0.5 * dh;
	}
	return x < 0 ? -r : r;
}

/* Hyperbolic tangent. */
double tanh(double x)
{
	double a = __builtin_fabs(x);
	double r;
	if (!(a < 22)) {
		if (__builtin_isnan(x))
			return x + x;
		r = 1.0 - 0x1p-1000; /* 1, inexact */
	} else if (a < 0x1p-27) {
		if (x != 0)
			force_eval(x + 0x1p-1000);
		return x;
	} else {
		/* m = e^(2a) - 1, tanh = m / (m + 2) */
		double el;
		double eh = exp_pair(2 * a, &el);
		double e;
		double mh = two_sum(eh, -1.0, &e);
		double ml;
		mh = fast_two_sum(mh, e + el, &ml);
		double dl;
		double dh = dd_add(mh, ml, 2.0, 0.0, &dl);
		double ql;
		r = dd_div(mh, ml, dh, dl, &ql);
	}
	return x < 0 ? -r : r;
}
