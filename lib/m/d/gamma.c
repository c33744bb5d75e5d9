/*
 * gamma.c - tgamma(), lgamma() and lgamma_r().
 *
 * x >= 12: Stirling's series, log Gamma(x) = (x - 1/2) log x - x +
 * log sqrt(2 pi) + sum B_2k / (2k (2k-1) x^(2k-1)), in double-double.
 * -12 < x < 12: Gamma(x) = Gamma(x + n) / (x (x+1) ... (x+n-1)) with
 * x + n in [12, 13) and the product in double-double. x <= -12: the
 * reflection Gamma(x) = pi / (sin(pi x) Gamma(1 - x)), in logarithms, with
 * an exact reduction for sin(pi x). lgamma near its zeros at 1 and 2 uses
 * dedicated expansions. tgamma is within about 0.6 ulp; lgamma too for
 * x > 0, while for x < 0 its error is about 2^-60 absolute (relatively
 * larger close to the zeros of lgamma on the negative axis).
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

int signgam;

/* log Gamma(yh + yl) as hi + lo for yh >= 12. */
static double stirling(double yh, double yl, double *lo)
{
	double ll;
	double lh = __log_dd(yh, yl, &ll);
	if (yh >= 0x1p900) { /* y (log y - 1); the other terms are negligible */
		double e;
		double ah = two_sum(lh, -1.0, &e);
		double al;
		ah = fast_two_sum(ah, e + ll, &al);
		double rl;
		double r = dd_mul(yh * 0x1p-512, 0.0, ah, al, &rl) * 0x1p512;
		*lo = 0;
		return r;
	}
	double al;
	double ah = two_sum(yh, -0.5, &al);
	ah = fast_two_sum(ah, al + yl, &al);
	double pl;
	double ph = dd_mul(ah, al, lh, ll, &pl);
	ph = dd_add(ph, pl, -yh, -yl, &pl);
	double rl;
	double r = dd_div(1.0, 0.0, yh, yl, &rl), r2 = r * r;
	double s = STIRLING_10;
	s = STIRLING_9 + r2 * s;
	s = STIRLING_8 + r2 * s;
	s = STIRLING_7 + r2 * s;
	s = STIRLING_6 + r2 * s;
	s = STIRLING_5 + r2 * s;
	s = STIRLING_4 + r2 * s;
	s = STIRLING_3 + r2 * s;
	s = STIRLING_2 + r2 * s;
	/* the series r (1/12 + r^2 s) with its leading term in double-double */
	double tl;
	double th = two_prod(r, STIRLING_1_HI, &tl);
	tl += rl * STIRLING_1_HI + r * STIRLING_1_LO + r * r2 * s;
	ph = dd_add(ph, pl, LNSQRT2PI_HI, LNSQRT2PI_LO, &pl);
	return dd_add(ph, pl, th, tl, lo);
}

/*
 * For finite non-integer x with |x| < 12: the product p = x (x+1) ... (x+n-1)
 * as *ph + *pl, and y = x + n in [12, 13) as *yh + *yl.
 */
static void shift_up(double x, double *ph, double *pl, double *yh, double *yl)
{
	int n = (int)(12.0 - x);
	if (x + n < 12.0)
		n++;
	double h = x, l = 0;
	for (int i = 1; i < n; i++) {
		double fl;
		double fh = two_sum(x, (double)i, &fl);
		h = dd_mul(h, l, fh, fl, &l);
	}
	*ph = h;
	*pl = l;
	*yh = two_sum(x, (double)n, yl);
}

/* sin(pi x) as hi + lo for finite x that is not an integer. */
static double sinpi_dd(double x, double *lo)
{
	/* r = x mod 2 in (-1, 1], exact */
	double r = x - 2.0 * __builtin_round(0.5 * x);
	double s = 1.0;
	if (r < 0) {
		r = -r;
		s = -1.0;
	}
	if (r > 0.5)
		r = 1.0 - r; /* sin(pi r) = sin(pi (1 - r)) */
	double h;
	double tl;
	if (r <= 0.25) {
		double th = two_prod(r, PI_HI, &tl);
		tl += r * PI_LO;
		th = fast_two_sum(th, tl, &tl);
		h = __sin_kernel(th, tl, lo);
	} else {
		double u = 0.5 - r; /* exact */
		double th = two_prod(u, PI_HI, &tl);
		tl += u * PI_LO;
		th = fast_two_sum(th, tl, &tl);
		h = __cos_kernel(th, tl, lo);
	}
	*lo *= s;
	return h * s;
}

/* log|Gamma(x)| for finite x > 0 as hi + lo (generic path). */
static double lgamma_pos(double x, double *lo)
{
	if (x >= 12.0)
		return stirling(x, 0.0, lo);
	double ph, pl, yh, yl, gl, ll;
	shift_up(x, &ph, &pl, &yh, &yl);
	double gh = stirling(yh, yl, &gl);
	double lh = __log_dd(ph, pl, &ll);
	return dd_add(gh, gl, -lh, -ll, lo);
}

/*
 * lgamma(1 + t) or lgamma(2 + t) from the expansions around the zeros:
 * t (c0 + c1 t + r0 t^2 + t^3 r(t)) with all but the last term of the
 * bracket in double-double.
 */
static double lgamma_near(double t, int two)
{
	double r, r0, c0h, c0l, c1h, c1l;
	if (two) {
		r = LG2_R18;
		r = LG2_R17 + t * r;
		r = LG2_R16 + t * r;
		r = LG2_R15 + t * r;
		r = LG2_R14 + t * r;
		r = LG2_R13 + t * r;
		r = LG2_R12 + t * r;
		r = LG2_R11 + t * r;
		r = LG2_R10 + t * r;
		r = LG2_R9 + t * r;
		r = LG2_R8 + t * r;
		r = LG2_R7 + t * r;
		r = LG2_R6 + t * r;
		r = LG2_R5 + t * r;
		r = LG2_R4 + t * r;
		r = LG2_R3 + t * r;
		r = LG2_R2 + t * r;
		r = LG2_R1 + t * r;
		r0 = LG2_R0;
		c0h = LG2_C0_HI;
		c0l = LG2_C0_LO;
		c1h = LG2_C1_HI;
		c1l = LG2_C1_LO;
	} else {
		r = LG1_R22;
		r = LG1_R21 + t * r;
		r = LG1_R20 + t * r;
		r = LG1_R19 + t * r;
		r = LG1_R18 + t * r;
		r = LG1_R17 + t * r;
		r = LG1_R16 + t * r;
		r = LG1_R15 + t * r;
		r = LG1_R14 + t * r;
		r = LG1_R13 + t * r;
		r = LG1_R12 + t * r;
		r = LG1_R11 + t * r;
		r = LG1_R10 + t * r;
		r = LG1_R9 + t * r;
		r = LG1_R8 + t * r;
		r = LG1_R7 + t * r;
		r = LG1_R6 + t * r;
		r = LG1_R5 + t * r;
		r = LG1_R4 + t * r;
		r = LG1_R3 + t * r;
		r = LG1_R2 + t * r;
		r = LG1_R1 + t * r;
		r0 = LG1_R0;
		c0h = LG1_C0_HI;
		c0l = LG1_C0_LO;
		c1h = LG1_C1_HI;
		c1l = LG1_C1_LO;
	}
	double t2l;
	double t2 = two_prod(t, t, &t2l);
	double m1l;
	double m1 = two_prod(c1h, t, &m1l);
	m1l += c1l * t;
	double m2l;
	double m2 = two_prod(r0, t2, &m2l);
	m2l += r0 * t2l;
	double e1, e2;
	double b = two_sum(c0h, m1, &e1);
	b = two_sum(b, m2, &e2);
	double bl = e1 + e2 + c0l + m1l + m2l + t2 * t * r;
	double lo;
	return dd_mul(b, bl, t, 0.0, &lo);
}

/* True if x (finite) is an integer. */
static int is_int(double x)
{
	return __builtin_trunc(x) == x;
}

/* log|Gamma(x)|, storing the sign of Gamma(x) in *sign. */
double lgamma_r(double x, int *sign)
{
	double lo;
	*sign = 1;
	if (!__builtin_isfinite(x))
		return x * x; /* +inf for +-inf, nan for nan */
	if (x == 0) {
		if (__builtin_signbit(x))
			*sign = -1;
		return __math_divzero(0);
	}
	if (x > 0) {
		if (x >= 0.75 && x <= 1.25)
			return lgamma_near(x - 1.0, 0);
		if (x >= 1.7 && x <= 2.5)
			return lgamma_near(x - 2.0, 1);
		double r = lgamma_pos(x, &lo);
		if (__builtin_isinf(r))
			errno = ERANGE;
		return r;
	}
	/* x < 0 */
	if (is_int(x))
		return __math_divzero(0);
	if (x > -0x1p-70) { /* -log|x| */
		*sign = -1;
		return -__log_dd(-x, 0.0, &lo);
	}
	double sl;
	double sh = sinpi_dd(x, &sl);
	*sign = sh < 0 ? -1 : 1;
	if (x > -12.0) {
		double ph, pl, yh, yl, gl, ll;
		shift_up(x, &ph, &pl, &yh, &yl);
		double gh = stirling(yh, yl, &gl);
		if (ph < 0) {
			ph = -ph;
			pl = -pl;
		}
		double lh = __log_dd(ph, pl, &ll);
		return dd_add(gh, gl, -lh, -ll, &lo);
	}
	/* log pi - log|sin(pi x)| - lgamma(1 - x) */
	if (sh < 0) {
		sh = -sh;
		sl = -sl;
	}
	double ql;
	double qh = __log_dd(sh, sl, &ql);
	double yl;
	double yh = two_sum(1.0, -x, &yl);
	double gl;
	double gh = stirling(yh, yl, &gl);
	double rl;
	double rh = dd_add(LNPI_HI, LNPI_LO, -qh, -ql, &rl);
	double r = dd_add(rh, rl, -gh, -gl, &lo);
	if (__builtin_isinf(r))
		errno = ERANGE;
	return r;
}

/* log|Gamma(x)|; the sign of Gamma(x) goes to signgam. */
double lgamma(double x)
{
	return lgamma_r(x, &signgam);
}

/* The gamma function. Poles at 0 and negative integers (EDOM for the latter). */
double tgamma(double x)
{
	double lo;
	int k;
	if (!__builtin_isfinite(x)) {
		if (x < 0)
			return __math_invalid(x);
		return x + x;
	}
	if (x == 0)
		return __math_divzero(__builtin_signbit(x) != 0);
	if (__builtin_fabs(x) < 0x1p-60) { /* 1/x - Euler's gamma rounds as 1/x */
		double r = 1.0 / x;
		if (__builtin_isinf(r))
			return __math_oflow(x < 0);
		return r;
	}
	if (x > 0) {
		if (x > 171.7)
			return __math_oflow(0);
		if (x >= 12.0) {
			double gl;
			double gh = stirling(x, 0.0, &gl);
			double h = __exp_dd(gh, gl, &lo, &k);
			return __exp_scale(h, lo, k);
		}
	} else if (is_int(x)) {
		return __math_invalid(x);
	}
	if (x > -12.0) {
		double ph, pl, yh, yl, gl;
		shift_up(x, &ph, &pl, &yh, &yl);
		double gh = stirling(yh, yl, &gl);
		double h = __exp_dd(gh, gl, &lo, &k);
		double ql;
		double qh = dd_div(h, lo, ph, pl, &ql);
		return __math_scale_dd(qh, ql, k);
	}
	if (x < -190.0) { /* |Gamma(x)| < 2^-1100 */
		double sl;
		double sh = sinpi_dd(x, &sl);
		return __math_uflow(sh < 0);
	}
	/* pi / (sin(pi x) Gamma(1 - x)) = +-exp(log pi - log|sin pi x| - lgamma(1 - x)) */
	double sl;
	double sh = sinpi_dd(x, &sl);
	int neg = sh < 0;
	if (neg) {
		sh = -sh;
		sl = -sl;
	}
	double ql;
	double qh = __log_dd(sh, sl, &ql);
	double yl;
	double yh = two_sum(1.0, -x, &yl);
	double gl;
	double gh = stirling(yh, yl, &gl);
	double rl;
	double rh = dd_add(LNPI_HI, LNPI_LO, -qh, -ql, &rl);
	rh = dd_add(rh, rl, -gh, -gl, &rl);
	double h = __exp_dd(rh, rl, &lo, &k);
	double r = __exp_scale(h, lo, k);
	return neg ? -r : r;
}
