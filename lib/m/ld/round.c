/*
 * round.c - rounding long doubles to integers: truncl, floorl, ceill,
 * roundl (exact, by bit manipulation), rintl and nearbyintl (in the
 * current rounding mode), and lrintl, llrintl, lroundl, llroundl (out of
 * range: FE_INVALID and LONG_MIN, as for double).
 */
#include "../internal/ld128.h"
#include "../internal/fenv_impl.h"

long double truncl(long double x)
{
	u128 ix = asu128(x);
	int e = (int)((ix >> 112) & 0x7fff) - 16383;
	if (e >= 112)
		return x;
	if (e < 0)
		return asld(ix & LD_SIGN);
	return asld(ix & ~(LD_MANT >> e));
}

long double floorl(long double x)
{
	long double t = truncl(x);
	return t != x && x < 0 ? t - 1.0L : t;
}

long double ceill(long double x)
{
	long double t = truncl(x);
	return t != x && x > 0 ? t + 1.0L : t;
}

/* Rounds to nearest, halfway cases away from zero. */
long double roundl(long double x)
{
	u128 ix = asu128(x);
	int e = (int)((ix >> 112) & 0x7fff) - 16383;
	if (e >= 112)
		return x;
	if (e < -1)
		return asld(ix & LD_SIGN);
	if (e == -1)
		return asld((ix & LD_SIGN) | ((u128)16383 << 112));
	u128 m = LD_MANT >> e;
	ix += (m + 1) >> 1;
	return asld(ix & ~m);
}

/* Rounds to an integer in the current rounding mode. */
long double rintl(long double x)
{
	const long double big = 0x1p112L;
	if (!(__builtin_fabsl(x) < big))
		return x;
	long double r = x < 0 ? (x - big) + big : (x + big) - big;
	return copysignl(r, x);
}

long double nearbyintl(long double x)
{
	unsigned f = fe_get_flags();
	long double r = rintl(x);
	fe_set_flags(f);
	return r;
}

static long to_long(long double r)
{
	if (!(r >= -0x1p63L && r < 0x1p63L)) {
		volatile double z = 0.0;
		force_eval(z / z);
		return (long)(-0x7fffffffffffffffLL - 1);
	}
	return (long)r;
}

long lrintl(long double x)
{
	return to_long(rintl(x));
}

long long llrintl(long double x)
{
	return to_long(rintl(x));
}

long lroundl(long double x)
{
	return to_long(roundl(x));
}

long long llroundl(long double x)
{
	return to_long(roundl(x));
}
