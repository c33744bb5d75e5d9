/*
 * gamma.c - tgammal(), lgammal(), lgammal_r() in binary128.
 *
 * log Gamma near its zeros comes from the Taylor series at 1 (for
 * [0.5, 1.2), coefficients (-1)^k zeta(k)/k) and at 2 (for [1.7, 2.5),
 * (-1)^k (zeta(k) - 1)/k), and between them from the series at the
 * minimum x0 = 1.4616... (coefficients psi^(k-1)(x0)/k!);
 * arguments in [2.5, 20) shift down to [1.5, 2.5) with an exact product,
 * smaller ones shift up; from 20 on Stirling's series in quad-quad.
 * Negative arguments use the reflection formula with sin(pi x) computed
 * from the exact reduction x - n. Gamma itself is e^(log Gamma) with the
 * logarithm carried in quad-quad, so large results keep their accuracy.
 */
#include "../internal/ld128.h"
#include "../internal/coef_ld.h"

static const long double lg1_c[LD_LG1_N] = {LD_LG1_COEFS};
static const long double lg2_c[LD_LG2_N] = {LD_LG2_COEFS};
static const long double stir_c[LD_STIRLING_N] = {LD_STIRLING_COEFS};
static const long double lgm_c[LD_LGM_N] = {LD_LGM_COEFS};

/* sum c[k] z^(k+1) for k < n (Horner). */
static long double series(const long double *c, int n, long double z)
{
	long double p = c[n - 1];
	for (int k = n - 2; k >= 0; k--)
		p = c[k] + z * p;
	return z * p;
}

/* log Gamma(x) = hi + lo for x = xh + xl near the minimum x0 (|x - x0| < 0.27). */
static long double lg_min(long double xh, long double xl, long double *lo)
{
	long double t = (xh - LD_LGM_X0_HI) + (xl - LD_LGM_X0_LO);
	long double p = lgm_c[LD_LGM_N - 1]; /* sum c[k] t^k */
	for (int k = LD_LGM_N - 2; k >= 0; k--)
		p = lgm_c[k] + t * p;
	long double tl;
	long double tt = ld_two_prod(t, t, &tl);
	long double ql;
	long double qh = qq_mul(tt, tl, p, 0, &ql);
	return qq_add(LD_LGM_M_HI, LD_LGM_M_LO, qh, ql, lo);
}

/* sum c[k] z^(k+1) as hi + lo, the leading coefficient being c[0] + c0lo. */
static long double series_qq(const long double *c, int n, long double c0lo, long double z,
                             long double *lo)
{
	long double p = c[n - 1];
	for (int k = n - 2; k >= 1; k--)
		p = c[k] + z * p;
	long double ml;
	long double mh = ld_two_prod(z, p, &ml);
	long double sl;
	long double sh = ld_two_sum(c[0], mh, &sl);
	sl += ml + c0lo;
	return qq_mul(sh, sl, z, 0, lo);
}

/* log Gamma(w) = hi + lo for w = wh + wl >= 20 (Stirling). */
static long double stirling_qq(long double wh, long double wl, long double *lo)
{
	long double lgl;
	long double lgh = __ld_log_qq(wh, wl, &lgl);
	long double al;
	long double ah = ld_two_sum(wh, -0.5L, &al);
	al += wl;
	long double tl;
	long double th = qq_mul(ah, al, lgh, lgl, &tl);
	th = qq_add(th, tl, -wh, -wl, &tl);
	th = qq_add(th, tl, LD_HLN2PI_HI, LD_HLN2PI_LO, &tl);
	long double r = 1 / wh;
	long double s = series(stir_c, LD_STIRLING_N, r * r) / r; /* r P(r^2) */
	return qq_add(th, tl, s, 0, lo);
}

/* log Gamma(w) = hi + lo for w = wh + wl > 0 (wl = 0 when wh < 1.5). */
static long double lg_pos_qq(long double wh, long double wl, long double *lo)
{
	if (wh >= 20)
		return stirling_qq(wh, wl, lo);
	if (wh < 0.5L) { /* log Gamma(1 + w) - log w */
		long double ll;
		long double lh = __ld_log_qq(wh, 0, &ll);
		return qq_add(series(lg1_c, LD_LG1_N, wh), 0, -lh, -ll, lo);
	}
	if (wh < 1.2L)
		return series_qq(lg1_c, LD_LG1_N, LD_LG1_C0_LO, (wh - 1) + wl, lo);
	if (wh < 1.7L)
		return lg_min(wh, wl, lo);
	if (wh < 2.5L)
		return series_qq(lg2_c, LD_LG2_N, LD_LG2_C0_LO, (wh - 2) + wl, lo);
	/* Gamma(w) = Gamma(w - n) (w - 1) ... (w - n) */
	int n = (int)(wh - 1.5L);
	long double ph = wh - 1, pl = wl;
	for (int i = 2; i <= n; i++)
		ph = qq_mul(ph, pl, wh - i, wl, &pl);
	long double ll;
	long double lh = __ld_log_qq(ph, pl, &ll);
	long double g = series(lg2_c, LD_LG2_N, (wh - n - 2) + wl);
	return qq_add(lh, ll, g, 0, lo);
}

/* sin(pi x) = hi + lo for non-integral x with |x| < 2^112, |x| >= 2^-100. */
static long double sinpi_qq(long double x, long double *lo)
{
	long double n = truncl(x);
	long double r = x - n;
	if (r > 0.5L) {
		r -= 1;
		n += 1;
	} else if (r < -0.5L) {
		r += 1;
		n -= 1;
	}
	int odd = truncl(n / 2) * 2 != n;
	long double yl, h;
	if (r >= -0.25L && r <= 0.25L) {
		long double yh = ld_two_prod(LD_PI_HI, r, &yl);
		yl += LD_PI_LO * r;
		h = __ld_sin_kernel(yh, yl, lo);
	} else {
		long double u = 0.5L - (r < 0 ? -r : r);
		long double yh = ld_two_prod(LD_PI_HI, u, &yl);
		yl += LD_PI_LO * u;
		h = __ld_cos_kernel(yh, yl, lo);
		if (r < 0) {
			h = -h;
			*lo = -*lo;
		}
	}
	if (odd) {
		h = -h;
		*lo = -*lo;
	}
	return h;
}

static int is_int(long double x)
{
	return truncl(x) == x;
}

/* log|Gamma(x)|, storing the sign of Gamma(x) in *sign. */
long double lgammal_r(long double x, int *sign)
{
	long double lo;
	*sign = 1;
	if (!__builtin_isfinite(x))
		return x * x; /* +inf for +-inf, nan for nan */
	if (x == 0) {
		if (__builtin_signbit(x))
			*sign = -1;
		return __ld_divzero(0);
	}
	if (x > 0) {
		if (x > 0x1p16000L) { /* x (log x - 1); the rest is negligible */
			long double r = x * (logl(x) - 1);
			if (__builtin_isinf(r))
				return __ld_oflow(0);
			return r;
		}
		long double h = lg_pos_qq(x, 0, &lo);
		return h + lo;
	}
	if (is_int(x))
		return __ld_divzero(0);
	if (x > -0.5L) { /* log Gamma(1 + x) - log|x| */
		*sign = -1;
		long double ll;
		long double lh = __ld_log_qq(-x, 0, &ll);
		long double h = qq_add(series(lg1_c, LD_LG1_N, x), 0, -lh, -ll, &lo);
		return h + lo;
	}
	/* log pi - log|sin(pi x)| - log Gamma(1 - x) */
	long double sl;
	long double sh = sinpi_qq(x, &sl);
	if (sh < 0) {
		*sign = -1;
		sh = -sh;
		sl = -sl;
	}
	long double ql;
	long double qh = qq_div(LD_PI_HI, LD_PI_LO, sh, sl, &ql);
	long double ll;
	long double lh = __ld_log_qq(qh, ql, &ll);
	long double wl;
	long double wh = ld_two_sum(1, -x, &wl);
	long double gl;
	long double gh = lg_pos_qq(wh, wl, &gl);
	long double h = qq_add(lh, ll, -gh, -gl, &lo);
	return h + lo;
}

/* log|Gamma(x)|; the sign of Gamma(x) goes to signgam. */
long double lgammal(long double x)
{
	return lgammal_r(x, &signgam);
}

/* The gamma function. Poles at 0 (ERANGE) and negative integers (EDOM). */
long double tgammal(long double x)
{
	long double lo;
	int k;
	if (!__builtin_isfinite(x)) {
		if (x < 0)
			return __ld_invalid(x);
		return x + x;
	}
	if (x == 0)
		return __ld_divzero(__builtin_signbit(x) != 0);
	if (__builtin_fabsl(x) < 0x1p-114L) { /* 1/x - Euler's gamma rounds as 1/x */
		long double r = 1 / x;
		if (__builtin_isinf(r))
			return __ld_oflow(x < 0);
		return r;
	}
	if (x >= 20) {
		if (x > 1756)
			return __ld_oflow(0);
		long double gl;
		long double gh = stirling_qq(x, 0, &gl);
		long double h = __ld_exp_qq(gh, gl, &lo, &k);
		return __ld_scale(h, lo, k);
	}
	if (x < 0 && is_int(x))
		return __ld_invalid(x);
	if (x <= -20) {
		if (x < -1800) { /* |Gamma(x)| < 2^-16700 */
			long double sl;
			long double sh = sinpi_qq(x, &sl);
			return __ld_uflow(sh < 0);
		}
		/* pi / (sin(pi x) Gamma(1 - x)) */
		long double sl;
		long double sh = sinpi_qq(x, &sl);
		long double wl;
		long double wh = ld_two_sum(1, -x, &wl);
		long double gl;
		long double gh = stirling_qq(wh, wl, &gl);
		long double el;
		long double eh = __ld_exp_qq(gh, gl, &el, &k);
		long double dl;
		long double dh = qq_mul(sh, sl, eh, el, &dl);
		long double ql;
		long double qh = qq_div(LD_PI_HI, LD_PI_LO, dh, dl, &ql);
		return __ld_scale(qh, ql, -k);
	}
	/* Gamma(y) for y = x + n in [1.5, 2.5], times or divided by the shift product */
	long double ph = 1, pl = 0, z;
	int up = 0;
	if (x < 1.5L) {
		int n = (int)(2.5L - x);
		z = x + (long double)(n - 2);
		ph = x;
		for (int i = 1; i < n; i++) {
			long double fl;
			long double fh = ld_two_sum(x, i, &fl);
			ph = qq_mul(ph, pl, fh, fl, &pl);
		}
		up = 1;
	} else if (x < 2.5L) {
		z = x - 2;
	} else {
		int n = (int)(x - 1.5L);
		ph = x - 1;
		for (int i = 2; i <= n; i++)
			ph = qq_mul(ph, pl, x - i, 0, &pl);
		z = x - n - 2;
	}
	long double g = series(lg2_c, LD_LG2_N, z);
	long double eh = __ld_exp_qq(g, 0, &lo, &k);
	long double rl, rh;
	if (up)
		rh = qq_div(eh, lo, ph, pl, &rl);
	else
		rh = qq_mul(eh, lo, ph, pl, &rl);
	return __ld_scale(rh, rl, k);
}
