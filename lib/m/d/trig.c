/*
 * trig.c - sin(), cos() and tan(): reduction modulo pi/2 (rem_pio2.c), then
 * polynomial kernels on [-pi/4, pi/4] taking the reduced argument as a
 * double-double. The leading terms of each kernel are formed exactly, so
 * the results are within about 0.6 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* sin(y0 + y1) = hi + lo for |y0 + y1| <= pi/4 (1 + 2^-40). */
double __sin_kernel(double y0, double y1, double *lo)
{
	double zl;
	double z = two_prod(y0, y0, &zl);
	double s = SIN_S1 + z * (SIN_S2 + z * (SIN_S3 + z * (SIN_S4 + z * (SIN_S5 + z * SIN_S6))));
	double pl;
	double p = two_prod(y0, z, &pl); /* y0^3 = p + pl + y0 zl */
	double ql;
	double q = two_prod(p, SIN_S0, &ql);
	double t = ql + (pl + y0 * zl) * SIN_S0 + p * z * s + y1 * (1 - 0.5 * z);
	double e;
	double h = two_sum(y0, q, &e);
	return fast_two_sum(h, e + t, lo);
}

/* cos(y0 + y1) = hi + lo for |y0 + y1| <= pi/4 (1 + 2^-40). */
double __cos_kernel(double y0, double y1, double *lo)
{
	double zl;
	double z = two_prod(y0, y0, &zl);
	double c = COS_C0 +
	           z * (COS_C1 +
	                z * (COS_C2 + z * (COS_C3 + z * (COS_C4 + z * (COS_C5 + z * COS_C6)))));
	double e;
	double w = two_sum(1.0, -0.5 * z, &e);
	double t = e - 0.5 * zl - y0 * y1 + z * z * c;
	return fast_two_sum(w, t, lo);
}

/*
 * tan(y0 + y1) as hi + lo for |y0 + y1| <= pi/4 (1 + 2^-40):
 * tan(y) = y + y^3 (1/3 + T1 z + z^2 t(z)) with the first two terms of the
 * bracket and the product with y^3 in double-double.
 */
static double tan_kernel(double y0, double y1, double *lo)
{
	double zl;
	double z = two_prod(y0, y0, &zl);
	zl += 2 * y0 * y1;
	double t = TAN_T16;
	t = TAN_T15 + z * t;
	t = TAN_T14 + z * t;
	t = TAN_T13 + z * t;
	t = TAN_T12 + z * t;
	t = TAN_T11 + z * t;
	t = TAN_T10 + z * t;
	t = TAN_T9 + z * t;
	t = TAN_T8 + z * t;
	t = TAN_T7 + z * t;
	t = TAN_T6 + z * t;
	t = TAN_T5 + z * t;
	t = TAN_T4 + z * t;
	t = TAN_T3 + z * t;
	t = TAN_T2 + z * t;
	double ml;
	double mh = two_prod(TAN_T1, z, &ml);
	ml += TAN_T1 * zl;
	double be;
	double bh = two_sum(TAN_T0_HI, mh, &be);
	double bl = be + TAN_T0_LO + ml + z * z * t;
	double pl;
	double ph = two_prod(y0, z, &pl); /* y^3 */
	pl += y0 * zl + y1 * z;
	double ql;
	double qh = dd_mul(ph, pl, bh, bl, &ql);
	return dd_add(y0, y1, qh, ql, lo);
}

/* Sine. sin(+-inf) = NaN (EDOM). */
double sin(double x)
{
	double a = __builtin_fabs(x), lo;
	if (a <= PIO4_HI) {
		if (a < 0x1p-26) {
			if (x != 0)
				force_eval(x + 0x1p-1000);
			return x;
		}
		return __sin_kernel(x, 0.0, &lo);
	}
	if (!__builtin_isfinite(x))
		return __math_invalid(x);
	double y[2];
	int n = __rem_pio2(x, y);
	switch (n & 3) {
	case 0:
		return __sin_kernel(y[0], y[1], &lo);
	case 1:
		return __cos_kernel(y[0], y[1], &lo);
	case 2:
		return -__sin_kernel(y[0], y[1], &lo);
	default:
		return -__cos_kernel(y[0], y[1], &lo);
	}
}

/* Cosine. cos(+-inf) = NaN (EDOM). */
double cos(double x)
{
	double a = __builtin_fabs(x), lo;
	if (a <= PIO4_HI) {
		if (a < 0x1p-27) {
			force_eval(a + 0x1p-1000);
			return 1.0;
		}
		return __cos_kernel(x, 0.0, &lo);
	}
	if (!__builtin_isfinite(x))
		return __math_invalid(x);
	double y[2];
	int n = __rem_pio2(x, y);
	switch (n & 3) {
	case 0:
		return __cos_kernel(y[0], y[1], &lo);
	case 1:
		return -__sin_kernel(y[0], y[1], &lo);
	case 2:
		return -__cos_kernel(y[0], y[1], &lo);
	default:
		return __sin_kernel(y[0], y[1], &lo);
	}
}

/* Tangent. tan(+-inf) = NaN (EDOM). */
double tan(double x)
{
	double a = __builtin_fabs(x), lo;
	if (a <= PIO4_HI) {
		if (a < 0x1p-27) {
			if (x != 0)
				force_eval(x + 0x1p-1000);
			return x;
		}
		return tan_kernel(x, 0.0, &lo);
	}
	if (!__builtin_isfinite(x))
		return __math_invalid(x);
	double y[2];
	int n = __rem_pio2(x, y);
	double h = tan_kernel(y[0], y[1], &lo);
	if (n & 1)
		return dd_div(-1.0, 0.0, h, lo, &lo);
	return h;
}
