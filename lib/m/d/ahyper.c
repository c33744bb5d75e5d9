/*
 * ahyper.c - asinh(), acosh() and atanh() as logarithms of double-double
 * arguments, which keeps full accuracy near the origin (and near 1 for
 * acosh). Within 0.51 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* Inverse hyperbolic sine. */
double asinh(double x)
{
	double a = __builtin_fabs(x);
	double r, lo;
	if (!(a < 0x1p28)) {
		if (!__builtin_isfinite(x))
			return x + x;
		/* log(2a) */
		double h = __log_dd(a, 0.0, &lo);
		r = dd_add(h, lo, LN2D_HI, LN2D_LO, &lo);
	} else if (a < 0x1p-26) {
		if (x != 0)
			force_eval(x + 0x1p-1000);
		return x;
	} else {
		/* log(a + sqrt(a^2 + 1)) */
		double pl;
		double ph = two_prod(a, a, &pl);
		double e;
		double sh = two_sum(ph, 1.0, &e);
		double sl;
		sh = fast_two_sum(sh, e + pl, &sl);
		double ql;
		double qh = dd_sqrt(sh, sl, &ql);
		double tl;
		double th = dd_add(qh, ql, a, 0.0, &tl);
		r = __log_dd(th, tl, &lo);
	}
	return x < 0 ? -r : r;
}

/* Inverse hyperbolic cosine. acosh(x < 1) = NaN (EDOM). */
double acosh(double x)
{
	double lo;
	if (!(x >= 1.0)) {
		if (__builtin_isnan(x))
			return x + x;
		return __math_invalid(x);
	}
	if (x >= 0x1p28) {
		if (__builtin_isinf(x))
			return x;
		double h = __log_dd(x, 0.0, &lo);
		return dd_add(h, lo, LN2D_HI, LN2D_LO, &lo);
	}
	if (x == 1.0)
		return 0.0;
	/* log(x + sqrt(x^2 - 1)) */
	double pl;
	double ph = two_prod(x, x, &pl);
	double e;
	double sh = two_sum(ph, -1.0, &e);
	double sl;
	sh = two_sum(sh, e + pl, &sl);
	double ql;
	double qh = dd_sqrt(sh, sl, &ql);
	double tl;
	double th = dd_add(qh, ql, x, 0.0, &tl);
	return __log_dd(th, tl, &lo);
}

/* Inverse hyperbolic tangent. atanh(+-1) = +-inf (ERANGE), |x| > 1 gives EDOM. */
double atanh(double x)
{
	double a = __builtin_fabs(x);
	if (!(a < 1.0)) {
		if (__builtin_isnan(x))
			return x + x;
		if (a == 1.0)
			return __math_divzero(x < 0);
		return __math_invalid(x);
	}
	if (a < 0x1p-27) {
		if (x != 0)
			force_eval(x + 0x1p-1000);
		return x;
	}
	/* 0.5 log((1 + a) / (1 - a)) */
	double nl, dl, ql, lo;
	double nh = two_sum(1.0, a, &nl);
	double dh = two_sum(1.0, -a, &dl);
	double qh = dd_div(nh, nl, dh, dl, &ql);
	double r = 0.5 * __log_dd(qh, ql, &lo);
	return x < 0 ? -r : r;
}
