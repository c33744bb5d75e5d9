/*
 * erf.c - the error function erf() and its complement erfc().
 *
 * |x| < 1/2: erf(x) = x (2/sqrt(pi) + x^2 A(x^2)) with the leading product
 * exact; erfc = 1 - erf in double-double.
 * |x| >= 1/2: erfc(x) = e^(-x^2) F(x), with x^2 exact, the exponential from
 * the double-double core and F(x) = erfc(x) e^(x^2) from a table of 10
 * polynomial pieces on [1/2, 4) and, beyond, F = G(1/x^2) / (x sqrt(pi))
 * with G(u) = 1 + u H(u) a polynomial on [0, 1/16]; erf = 1 -
 * erfc, erfc(-x) = 2 - erfc(x). Within 0.6 ulp; erfc underflows (ERANGE)
 * beyond x = 26.55.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* erf(x) as hi + lo for |x| < 1/2: x (c0 + A0 z + z^2 A'(z)), bracket in double-double. */
static double erf_small(double x, double *lo)
{
	double zl;
	double z = two_prod(x, x, &zl);
	double a =
	        ERF_A1 +
	        z * (ERF_A2 +
	             z * (ERF_A3 +
	                  z * (ERF_A4 + z * (ERF_A5 + z * (ERF_A6 + z * (ERF_A7 + z * ERF_A8))))));
	double ml;
	double mh = two_prod(ERF_A0, z, &ml);
	ml += ERF_A0 * zl;
	double e;
	double bh = two_sum(ERF_C0_HI, mh, &e);
	double bl = e + ERF_C0_LO + ml + z * z * a;
	return dd_mul(bh, bl, x, 0.0, lo);
}

/* F(a) = erfc(a) e^(a^2) as hi + lo for 1/2 <= a < 28. */
static double erfc_f(double a, double *lo)
{
	if (a >= 4.0) {
		/* G(u) / (a sqrt(pi)), u = 1/a^2, G = 1 + u H(u) */
		double sl;
		double sh = two_prod(a, a, &sl);
		double ul;
		double u = dd_div(1.0, 0.0, sh, sl, &ul);
		double h = ERFC_H16;
		h = ERFC_H15 + u * h;
		h = ERFC_H14 + u * h;
		h = ERFC_H13 + u * h;
		h = ERFC_H12 + u * h;
		h = ERFC_H11 + u * h;
		h = ERFC_H10 + u * h;
		h = ERFC_H9 + u * h;
		h = ERFC_H8 + u * h;
		h = ERFC_H7 + u * h;
		h = ERFC_H6 + u * h;
		h = ERFC_H5 + u * h;
		h = ERFC_H4 + u * h;
		h = ERFC_H3 + u * h;
		h = ERFC_H2 + u * h;
		h = ERFC_H1 + u * h;
		h = ERFC_H0 + u * h;
		double gl;
		double g = fast_two_sum(1.0, (u + ul) * h, &gl);
		double cl;
		double c = dd_div(INVSQRTPI_HI, INVSQRTPI_LO, a, 0.0, &cl);
		return dd_mul(g, gl, c, cl, lo);
	}
	int i = 0;
	while (i < 9 && a >= __erfc_tab[i + 1].lo)
		i++;
	const struct erfc_iv *iv = &__erfc_tab[i];
	double t = a - iv->c; /* exact: a and c are close */
	double q = iv->q[14];
	for (int k = 13; k >= 1; k--)
		q = iv->q[k] + t * q;
	/* fh + fl + t q0 + t^2 q(t), the first product exact */
	double pl;
	double ph = two_prod(t, iv->q[0], &pl);
	double e;
	double h = two_sum(iv->fh, ph, &e);
	return fast_two_sum(h, e + pl + iv->fl + t * t * q, lo);
}

/* erfc(a) = 2^k (hi + lo) for 1/2 <= a < 28. */
static double erfc_big(double a, double *lo, int *k)
{
	double sl;
	double sh = two_prod(a, a, &sl);
	double el;
	double eh = __exp_dd(-sh, -sl, &el, k);
	double fl;
	double fh = erfc_f(a, &fl);
	return dd_mul(eh, el, fh, fl, lo);
}

/* The error function. */
double erf(double x)
{
	double a = __builtin_fabs(x), lo;
	if (a < 0.5) {
		if (a < 0x1p-1000) { /* scale to keep the product exact, round once */
			if (x == 0)
				return x;
			double h = erf_small(x * 0x1p100, &lo);
			return __math_scale_dd(h, lo, -100);
		}
		return erf_small(x, &lo);
	}
	if (!(a < 6.0)) {
		if (__builtin_isnan(x))
			return x + x;
		double r = 1.0 - 0x1p-1000; /* 1, inexact */
		return x < 0 ? -r : r;
	}
	int k;
	double h = erfc_big(a, &lo, &k);
	double s = asdbl((uint64_t)(1023 + k) << 52);
	h *= s;
	lo *= s;
	double e;
	double r = two_sum(1.0, -h, &e);
	r += e - lo;
	return x < 0 ? -r : r;
}

/* The complementary error function 1 - erf(x). Underflow gives ERANGE. */
double erfc(double x)
{
	double a = __builtin_fabs(x), lo;
	if (a < 0.5) {
		double h = erf_small(x, &lo);
		double e;
		double r = two_sum(1.0, -h, &e);
		return r + (e - lo);
	}
	if (!(a < 28.0)) {
		if (__builtin_isnan(x))
			return x + x;
		if (x < 0)
			return 2.0 - 0x1p-1000; /* 2, inexact */
		return __math_uflow(0);
	}
	if (x < -6.0)
		return 2.0 - 0x1p-1000; /* 2, inexact */
	int k;
	double h = erfc_big(a, &lo, &k);
	if (x > 0)
		return __math_scale_dd(h, lo, k);
	/* 2 - erfc(a); erfc(a) <= 0.48 here */
	double s = asdbl((uint64_t)(1023 + k) << 52);
	h *= s;
	lo *= s;
	double e;
	double r = two_sum(2.0, -h, &e);
	return r + (e - lo);
}
