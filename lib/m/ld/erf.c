/*
 * erf.c - erfl() and erfcl() in binary128.
 *
 * |x| < 4: erf(x) = 2/sqrt(pi) x e^(-x^2) sum_n (2x^2)^n / (2n+1)!!, a
 * series of positive terms summed in quad-quad (no cancellation).
 * x >= 1.5 for erfc: Laplace's continued fraction
 *   erfc(x) = e^(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
 * evaluated backwards from a depth chosen for 2^-118 (measured with mpmath:
 * 408 terms at 1.5, 75 at 4, 17 at 20). erfc below 1.5 is 1 - erf in
 * quad-quad, where erfc >= 0.034 keeps the cancellation harmless.
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

/* erf(x) = hi + lo for |x| < 4. */
static long double erf_qq(long double x, long double *lo)
{
	long double x2l;
	long double x2 = ld_two_prod(x, x, &x2l);
	long double el;
	int k;
	long double eh = __ld_exp_qq(-x2, -x2l, &el, &k);
	long double s = ldpow2(k);
	eh *= s;
	el *= s;
	long double uh = 2 * x2, ul = 2 * x2l;
	long double th = 1, tl = 0, sh = 1, sl = 0;
	for (int n = 1; n < 400; n++) {
		long double ml;
		long double mh = qq_mul(th, tl, uh, ul, &ml);
		th = qq_div(mh, ml, 2 * n + 1, 0, &tl);
		sh = qq_add(sh, sl, th, tl, &sl);
		if (th < sh * 0x1p-122L)
			break;
	}
	long double pl;
	long double ph = qq_mul(eh, el, sh, sl, &pl);
	ph = qq_mul(ph, pl, LD_2OSQRTPI_HI, LD_2OSQRTPI_LO, &pl);
	return qq_mul(ph, pl, x, 0, lo);
}

/* erfc(x) = 2^(*k) (hi + lo) for 1.5 <= x < 107. */
static long double erfc_cf(long double x, long double *lo, int *k)
{
	int n = 24 + (int)(1050 / (double)(x * x));
	long double t = 0;
	for (int i = n; i > 0; i--)
		t = ((long double)i / 2) / (x + t);
	long double dl;
	long double dh = ld_two_sum(x, t, &dl);
	long double fl;
	long double fh = qq_div(LD_2OSQRTPI_HI / 2, LD_2OSQRTPI_LO / 2, dh, dl, &fl);
	long double x2l;
	long double x2 = ld_two_prod(x, x, &x2l);
	long double el;
	long double eh = __ld_exp_qq(-x2, -x2l, &el, k);
	return qq_mul(eh, el, fh, fl, lo);
}

/* The error function. */
long double erfl(long double x)
{
	long double a = x < 0 ? -x : x, lo;
	if (x != x)
		return x + x;
	if (a < 0x1p-60L) {
		if (x == 0)
			return x;
		/* scale to keep the product exact, round once */
		long double h = qq_mul(x * 0x1p200L, 0, LD_2OSQRTPI_HI, LD_2OSQRTPI_LO, &lo);
		return __ld_scale(h, lo, -200);
	}
	if (a < 4) {
		long double h = erf_qq(x, &lo);
		return h + lo;
	}
	if (a >= 12) {
		long double r = 1 - 0x1p-200L; /* 1, inexact */
		return x < 0 ? -r : r;
	}
	int k;
	long double h = erfc_cf(a, &lo, &k);
	long double s = ldpow2(k);
	long double e;
	long double r = ld_two_sum(1, -h * s, &e);
	r += e - lo * s;
	return x < 0 ? -r : r;
}

/* The complementary error function 1 - erf(x). Underflow gives ERANGE. */
long double erfcl(long double x)
{
	long double lo;
	if (x != x)
		return x + x;
	if (x >= 1.5L) {
		if (x >= 107) /* erfc(x) < 2^-16500 */
			return __ld_uflow(0);
		int k;
		long double h = erfc_cf(x, &lo, &k);
		return __ld_scale(h, lo, k);
	}
	if (x <= -12)
		return 2 - 0x1p-200L; /* 2, inexact */
	if (x > -4) {
		if (x > -0x1p-120L && x < 0x1p-120L)
			return 1 - x;
		long double h = erf_qq(x, &lo);
		long double e;
		long double r = ld_two_sum(1, -h, &e);
		return r + (e - lo);
	}
	int k;
	long double h = erfc_cf(-x, &lo, &k);
	long double s = ldpow2(k);
	long double e;
	long double r = ld_two_sum(2, -h * s, &e);
	return r + (e - lo * s);
}
