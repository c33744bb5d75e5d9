/*
 * round.c - rounding to integers: trunc, floor, ceil, round (exact, by bit
 * manipulation), rint and nearbyint (in the current rounding mode), and the
 * conversions lrint, llrint, lround, llround.
 *
 * An out-of-range conversion raises FE_INVALID and returns LONG_MIN
 * (LLONG_MIN), as the host's glibc does; C leaves the value unspecified.
 */
#include "../internal/libm.h"
#include "../internal/fenv_impl.h"

/* Rounds toward zero. */
double trunc(double x)
{
	uint64_t ix = asu64(x);
	int e = (int)((ix >> 52) & 0x7ff) - 1023;
	if (e >= 52)
		return x; /* integral, inf or nan */
	if (e < 0)
		return asdbl(ix & 0x8000000000000000ULL);
	uint64_t m = 0x000fffffffffffffULL >> e;
	return asdbl(ix & ~m);
}

/* Rounds toward -inf. */
double floor(double x)
{
	double t = trunc(x);
	if (t != x && x < 0)
		return t - 1.0;
	return t;
}

/* Rounds toward +inf. */
double ceil(double x)
{
	double t = trunc(x);
	if (t != x && x > 0)
		return t + 1.0;
	return t;
}

/* Rounds to nearest, halfway cases away from zero. */
double round(double x)
{
	uint64_t ix = asu64(x);
	int e = (int)((ix >> 52) & 0x7ff) - 1023;
	if (e >= 52)
		return x;
	if (e < -1)
		return asdbl(ix & 0x8000000000000000ULL);
	if (e == -1)
		return asdbl((ix & 0x8000000000000000ULL) | 0x3ff0000000000000ULL);
	uint64_t m = 0x000fffffffffffffULL >> e;
	ix += (m + 1) >> 1; /* half a unit, may carry into the exponent */
	return asdbl(ix & ~m);
}

/* Rounds to an integer in the current rounding mode (raises inexact). */
double rint(double x)
{
	const double big = 0x1p52;
	double a = __builtin_fabs(x);
	if (!(a < big))
		return x;
	double r = x < 0 ? (x - big) + big : (x + big) - big;
	return __builtin_copysign(r, x);
}

/* As rint(), without raising inexact. */
double nearbyint(double x)
{
	unsigned f = fe_get_flags();
	double r = rint(x);
	fe_set_flags(f);
	return r;
}

/* Raises FE_INVALID. */
static void raise_invalid(void)
{
	volatile double z = 0.0;
	force_eval(z / z);
}

/* rint(x) as a long; out of range: FE_INVALID and LONG_MIN. */
long lrint(double x)
{
	double r = rint(x);
	if (!(r >= -0x1p63 && r < 0x1p63)) {
		raise_invalid();
		return (long)(-0x7fffffffffffffffLL - 1);
	}
	return (long)r;
}

long long llrint(double x)
{
	return lrint(x);
}

/* round(x) as a long; out of range: FE_INVALID and LONG_MIN. */
long lround(double x)
{
	double r = round(x);
	if (!(r >= -0x1p63 && r < 0x1p63)) {
		raise_invalid();
		return (long)(-0x7fffffffffffffffLL - 1);
	}
	return (long)r;
}

long long llround(double x)
{
	return lround(x);
}
