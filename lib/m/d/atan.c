/*
 * atan.c - atan() and atan2(), and the double-double cores used by asin and
 * acos.
 *
 * Method: for 0 <= x <= 1 take c = round(64 x)/64 from a table of
 * atan(c) (106 bits) and u = (x - c)/(1 + x c) as a double-double, so
 * atan(x) = atan(c) + atan(u) with |u| <= 1/128 and atan(u) = u + u^3 q(u^2).
 * Larger arguments use atan(x) = pi/2 - atan(1/x). Within 0.51 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* atan(xh + xl) = hi + lo for 0 <= xh <= 1; see libm.h. */
double __atan_dd(double xh, double xl, double *lo)
{
	int j = (int)(xh * 64 + 0.5);
	double c = j * 0x1p-6;
	double uh, ul;
	if (j == 0) {
		uh = xh;
		ul = xl;
	} else {
		double nh = xh - c; /* exact */
		double pe;
		double p = two_prod(xh, c, &pe);
		double de;
		double dh = two_sum(1.0, p, &de);
		double dl;
		dh = fast_two_sum(dh, de + pe + xl * c, &dl);
		uh = dd_div(nh, xl, dh, dl, &ul);
	}
	double z = uh * uh;
	double q = ATAN_Q0 + z * (ATAN_Q1 + z * (ATAN_Q2 + z * ATAN_Q3));
	double e;
	double s = two_sum(__atan_tab[j][0], uh, &e);
	return fast_two_sum(s, e + __atan_tab[j][1] + ul + uh * z * q, lo);
}

/*
 * atan2(yh + yl, xh + xl) as hi + lo, for finite arguments not both zero
 * whose exponents differ by at most 60 and whose larger magnitude is in
 * [2^-600, 2^600].
 */
static double atan2_core(double yh, double yl, double xh, double xl, double *lo)
{
	int yneg = yh < 0, xneg = xh < 0;
	if (yneg) {
		yh = -yh;
		yl = -yl;
	}
	if (xneg) {
		xh = -xh;
		xl = -xl;
	}
	double rh, rl, tl;
	if (yh <= xh) {
		double th = dd_div(yh, yl, xh, xl, &tl);
		rh = __atan_dd(th, tl, &rl);
	} else {
		double th = dd_div(xh, xl, yh, yl, &tl);
		rh = __atan_dd(th, tl, &rl);
		rh = dd_add(PIO2_HI, PIO2_LO, -rh, -rl, &rl);
	}
	if (xneg)
		rh = dd_add(PI_HI, PI_LO, -rh, -rl, &rl);
	if (yneg) {
		rh = -rh;
		rl = -rl;
	}
	*lo = rl;
	return rh;
}

/* atan2 of double-double arguments; see libm.h. */
double __atan2_dd(double yh, double yl, double xh, double xl, double *lo)
{
	int ey = dexp(yh), ex = dexp(xh);
	int emax = ey > ex ? ey : ex;
	if (yh == 0)
		ey = -2000;
	if (xh == 0)
		ex = -2000;
	if (ey - ex > 60) { /* |y/x| > 2^59: +-pi/2 - x/y */
		double r = PIO2_HI + (PIO2_LO - xh / __builtin_fabs(yh));
		*lo = 0;
		return yh < 0 ? -r : r;
	}
	if (ex - ey > 60) { /* |y/x| < 2^-59 */
		if (xh > 0) {
			*lo = 0;
			return yh / xh;
		}
		double r = PI_HI + (PI_LO - __builtin_fabs(yh / xh));
		*lo = 0;
		return yh < 0 ? -r : r;
	}
	/* scale both by 2^n (two exact steps) so the larger is near 1 */
	if (emax == 0)
		emax = 1;
	int n = 1023 - emax;
	double s1 = asdbl((uint64_t)(1023 + n / 2) << 52);
	double s2 = asdbl((uint64_t)(1023 + n - n / 2) << 52);
	return atan2_core(yh * s1 * s2, yl * s1 * s2, xh * s1 * s2, xl * s1 * s2, lo);
}

/* Arc tangent. */
double atan(double x)
{
	double a = __builtin_fabs(x), lo, r;
	if (a <= 1.0) {
		if (a < 0x1p-27) {
			if (x != 0)
				force_eval(x + 0x1p-1000);
			return x;
		}
		r = __atan_dd(a, 0.0, &lo);
	} else if (a < 0x1p60) {
		double tl;
		double th = dd_div(1.0, 0.0, a, 0.0, &tl);
		r = __atan_dd(th, tl, &lo);
		r = dd_add(PIO2_HI, PIO2_LO, -r, -lo, &lo);
	} else {
		if (__builtin_isnan(x))
			return x + x;
		r = PIO2_HI + PIO2_LO; /* pi/2, inexact */
	}
	return x < 0 ? -r : r;
}

/* Arc tangent of y/x in the quadrant of (x, y); C11 F.10.1.4 special cases. */
double atan2(double y, double x)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	int yneg = __builtin_signbit(y) != 0, xneg = __builtin_signbit(x) != 0;
	double r;
	if (y == 0) {
		if (!xneg)
			return y;
		r = PI_HI + PI_LO;
	} else if (x == 0) {
		r = PIO2_HI + PIO2_LO;
	} else if (__builtin_isinf(x)) {
		if (__builtin_isinf(y))
			r = xneg ? PI3O4_HI + PI3O4_LO : PIO4_HI + PIO4_LO;
		else if (xneg)
			r = PI_HI + PI_LO;
		else
			return yneg ? -0.0 : 0.0;
	} else if (__builtin_isinf(y)) {
		r = PIO2_HI + PIO2_LO;
	} else {
		double lo;
		r = __atan2_dd(y, 0.0, x, 0.0, &lo);
		if (r == 0 || __builtin_fabs(r) < DBL_MIN)
			return __math_check_uflow(r);
		return r;
	}
	return yneg ? -r : r;
}
