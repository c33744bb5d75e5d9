/*
 * fmod.c - fmod(), remainder() and remquo(): exact remainders by long
 * division of the integer significands, 11 bits of quotient per step.
 */
#include "../internal/libm.h"

/* Splits finite non-zero |x| into an integer significand and exponent: |x| = m 2^e. */
static uint64_t split(double x, int *e)
{
	uint64_t ix = asu64(x) & 0x7fffffffffffffffULL;
	int be = (int)(ix >> 52);
	uint64_t m = ix & 0x000fffffffffffffULL;
	if (be == 0) { /* subnormal */
		int sh = __builtin_clzll(m) - 11;
		m <<= sh;
		*e = 1 - 1075 - sh;
	} else {
		m |= 0x0010000000000000ULL;
		*e = be - 1075;
	}
	return m;
}

/* Rebuilds m 2^e (m < 2^53); exact, the remainder lies on y's grid. */
static double join(uint64_t m, int e)
{
	if (m == 0)
		return 0.0;
	int sh = __builtin_clzll(m) - 11; /* normalise to 53 bits */
	m <<= sh;
	e -= sh;
	if (e >= -1074) /* normal: the biased exponent is e + 1075 */
		return asdbl(((uint64_t)(e + 1075) << 52) + (m & 0x000fffffffffffffULL));
	/* subnormal: shift right, exact because the result is a multiple of x's ulp */
	return asdbl(m >> (-1074 - e));
}

/*
 * |x| mod |y| for finite x and non-zero finite y; *q receives the low
 * bits of the integer quotient trunc(|x/y|).
 */
static double rem_core(double x, double y, uint64_t *q)
{
	int ex, ey;
	uint64_t mx = split(x, &ex), my = split(y, &ey);
	*q = 0;
	if (ex < ey || (ex == ey && mx < my))
		return __builtin_fabs(x);
	/* r = mx 2^(ex - ey) mod my, in units of 2^ey */
	uint64_t r = mx, quo;
	int d = ex - ey;
	quo = r / my;
	r %= my;
	while (d > 0) {
		int s = d > 11 ? 11 : d;
		r <<= s;
		quo = (quo << s) | (r / my);
		r %= my;
		d -= s;
	}
	*q = quo;
	return join(r, ey);
}

/* Remainder of x/y with the sign of x, |result| < |y|. y = 0 or x = inf: NaN (EDOM). */
double fmod(double x, double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(x) || y == 0)
		return __math_invalid(__builtin_isinf(x) ? x : y);
	if (__builtin_isinf(y) || x == 0)
		return x;
	uint64_t q;
	double r = rem_core(x, y, &q);
	return __builtin_copysign(r, x);
}

/* x - n y for the integer n nearest x/y (ties to even); *quo = low bits of n. */
static double rem_near(double x, double y, int *quo)
{
	uint64_t q;
	double ay = __builtin_fabs(y);
	double r = rem_core(x, y, &q);
	/* r in [0, |y|): round the quotient to nearest, ties to even */
	double h = ay < 0x1p1022 ? 2 * r : r, c = ay < 0x1p1022 ? ay : 0.5 * ay;
	if (h > c || (h == c && (q & 1))) {
		r -= ay;
		q++;
	}
	int neg = __builtin_signbit(x) != __builtin_signbit(y);
	int qi = (int)(q & 0x7fffffff);
	*quo = neg ? -qi : qi;
	if (r == 0)
		return __builtin_copysign(0.0, x);
	return __builtin_signbit(x) ? -r : r;
}

/* IEEE remainder: x - n y, n = x/y rounded to even. y = 0 or x = inf: NaN (EDOM). */
double remainder(double x, double y)
{
	int q;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(x) || y == 0)
		return __math_invalid(__builtin_isinf(x) ? x : y);
	if (__builtin_isinf(y) || x == 0)
		return x;
	return rem_near(x, y, &q);
}

/* remainder() that also stores the sign and low bits of the quotient in *quo. */
double remquo(double x, double y, int *quo)
{
	*quo = 0;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(x) || y == 0)
		return __math_invalid(__builtin_isinf(x) ? x : y);
	if (__builtin_isinf(y) || x == 0)
		return x;
	return rem_near(x, y, quo);
}
