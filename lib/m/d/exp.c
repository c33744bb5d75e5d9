/*
 * exp.c - exp() and exp2(), and the double-double exponential core that
 * pow, the hyperbolic functions, erf and the gamma functions build on.
 *
 * Method (Tang): write the argument as x = (k/128) ln2 + r with |r| <= ln2/256,
 * so e^x = 2^(k>>7) * 2^((k&127)/128) * e^r. The 128 values 2^(j/128) are
 * tabulated as double-doubles; e^r - 1 is a degree-6 polynomial whose
 * leading product is formed exactly. The core's relative error is below
 * 2^-63; exp() and exp2() are within 0.51 ulp.
 */
#include "../internal/libm.h"
#include "../internal/coef_double.h"

/* 2^(kk/128) * e^(s + rs) as hi + lo times 2^(*k); |s| <= 0.0028, |rs| <= 2^-60. */
static double exp_core(int64_t kk, double s, double rs, double *lo, int *k)
{
	int j = (int)(kk & 127);
	*k = (int)((kk - j) / 128);
	double th = __exp_tab[j][0], tl = __exp_tab[j][1];
	double z = s * s;
	double q = EXP_Q0 + s * (EXP_Q1 + s * (EXP_Q2 + s * (EXP_Q3 + s * EXP_Q4)));
	/* e^(s+rs) - 1 = s + (z q + rs + s rs) */
	double tail = z * q + rs * (1 + s);
	double ea;
	double a = two_prod(th, s, &ea);
	double e1;
	double h = two_sum(th, a, &e1);
	double l = e1 + ea + tl + th * tail + tl * (s + tail);
	return fast_two_sum(h, l, lo);
}

/* e^(xh + xl) = 2^(*k) * (hi + lo); see libm.h. */
double __exp_dd(double xh, double xl, double *lo, int *k)
{
	const double shift = 0x1.8p52;
	double kd = xh * INVLN2N + shift;
	kd -= shift;
	int64_t kk = (int64_t)kd;
	double rh = xh - kd * LN2N_HI;
	double rl = xl - kd * LN2N_LO;
	double rs;
	double s = two_sum(rh, rl, &rs);
	return exp_core(kk, s, rs, lo, k);
}

/*
 * Returns (hi + lo) * 2^k rounded once, with overflow and underflow
 * reported (errno ERANGE, flags) as exp() must.
 */
double __exp_scale(double hi, double lo, int k)
{
	if (k > -1020 && k < 1020)
		return (hi + lo) * asdbl((uint64_t)(1023 + k) << 52);
	if (k >= 1020) {
		/* (hi + lo) < 2.01, so the first product is exact and finite */
		double y = (hi + lo) * asdbl((uint64_t)(1023 + k - 10) << 52);
		y *= 0x1p10;
		if (__builtin_isinf(y))
			errno = ERANGE;
		return y;
	}
	if (k < -1100)
		return __math_uflow(0);
	/*
	 * Subnormal or near: round hi + lo directly onto the 2^-1074 grid by
	 * adding 1 in the scaled domain, where the grid spacing is 2^-52.
	 */
	double s = asdbl((uint64_t)(1023 + k + 1022) << 52); /* 2^(k+1022) */
	double h = hi * s, l = lo * s;                       /* exact, |h| < 2.01 */
	double y, sign = 1.0;
	if (h < 0) {
		h = -h;
		l = -l;
		sign = -1.0;
	}
	if (h + l < 1.0) {
		double e;
		double t = two_sum(1.0, h, &e);
		t += e + l; /* one rounding to the 2^-52 grid */
		y = (t - 1.0) * 0x1p-1022;
		force_eval(0x1p-1022 * 0x1p-1022); /* underflow flag */
		errno = ERANGE;
	} else {
		y = (h + l) * 0x1p-1022;
	}
	return sign * y;
}

/* e^x. Overflow and underflow give ERANGE. */
double exp(double x)
{
	uint32_t top = (uint32_t)(asu64(x) >> 52) & 0x7ff;
	if (top >= 0x408) { /* |x| >= 512, inf or nan */
		if (__builtin_isnan(x))
			return x + x;
		if (__builtin_isinf(x))
			return x > 0 ? x : 0.0;
		if (x > 0x1.62e42fefa39efp+9)
			return __math_oflow(0);
		if (x < -0x1.74910d52d3052p+9)
			return __math_uflow(0);
	} else if (top < 0x3c9) { /* |x| < 2^-54 */
		return 1.0 + x;
	}
	double lo;
	int k;
	double hi = __exp_dd(x, 0.0, &lo, &k);
	return __exp_scale(hi, lo, k);
}

/* 2^x. Overflow and underflow give ERANGE. */
double exp2(double x)
{
	uint32_t top = (uint32_t)(asu64(x) >> 52) & 0x7ff;
	if (top >= 0x409) { /* |x| >= 1024, inf or nan */
		if (__builtin_isnan(x))
			return x + x;
		if (__builtin_isinf(x))
			return x > 0 ? x : 0.0;
		if (x > 0)
			return __math_oflow(0);
		if (x < -1100)
			return __math_uflow(0);
	} else if (top < 0x3c9) {
		return 1.0 + x;
	}
	const double shift = 0x1.8p52;
	double kd = x * 128 + shift;
	kd -= shift;
	int64_t kk = (int64_t)kd;
	double r = x - kd * 0x1p-7; /* exact */
	double sl;
	double sh = two_prod(r, LN2D_HI, &sl);
	sl += r * LN2D_LO;
	double s = fast_two_sum(sh, sl, &sl);
	double lo;
	int k;
	double hi = exp_core(kk, s, sl, &lo, &k);
	return __exp_scale(hi, lo, k);
}
