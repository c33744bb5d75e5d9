/*
 * asin.c - asin() and acos() as atan2(x, sqrt(1 - x^2)) and
 * atan2(sqrt(1 - x^2), x), with 1 - x^2 and the square root carried as
 * double-doubles so the result keeps full accuracy near +-1. Within 0.51 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* sqrt(1 - x^2) as hi + lo for |x| < 1. */
static double cosine_of(double x, double *lo)
{
	double pe;
	double p = two_prod(x, x, &pe);
	double e;
	double wh = two_sum(1.0, -p, &e);
	double wl;
	wh = fast_two_sum(wh, e - pe, &wl);
	return dd_sqrt(wh, wl, lo);
}

/* Arc sine. |x| > 1 gives NaN (EDOM). */
double asin(double x)
{
	double a = __builtin_fabs(x);
	if (!(a < 1.0)) {
		if (a == 1.0)
			return x > 0 ? PIO2_HI + PIO2_LO : -PIO2_HI - PIO2_LO;
		if (__builtin_isnan(x))
			return x + x;
		return __math_invalid(x);
	}
	if (a < 0x1p-26) {
		if (x != 0)
			force_eval(x + 0x1p-1000);
		return x;
	}
	double sl, lo;
	double sh = cosine_of(x, &sl);
	return __atan2_dd(x, 0.0, sh, sl, &lo);
}

/* Arc cosine. |x| > 1 gives NaN (EDOM). */
double acos(double x)
{
	double a = __builtin_fabs(x);
	if (!(a < 1.0)) {
		if (x == 1.0)
			return 0.0;
		if (x == -1.0)
			return PI_HI + PI_LO;
		if (__builtin_isnan(x))
			return x + x;
		return __math_invalid(x);
	}
	if (a < 0x1p-55)
		return PIO2_HI + PIO2_LO;
	double sl, lo;
	double sh = cosine_of(x, &sl);
	return __atan2_dd(sh, sl, x, 0.0, &lo);
}
