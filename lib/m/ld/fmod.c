/*
 * fmod.c - fmodl(), remainderl() and remquol(): exact remainders of long
 * doubles by long division of the 113-bit significands in 128-bit integers.
 */
#include "../internal/ld128.h"

/* |x| = m 2^e with m in [2^112, 2^113) for finite non-zero x. */
static u128 split(long double x, int *e)
{
	u128 ix = asu128(x) & ~LD_SIGN;
	int be = (int)(ix >> 112);
	u128 m = ix & LD_MANT;
	if (be == 0) {
		int lz = (uint64_t)(m >> 64) ? __builtin_clzll((uint64_t)(m >> 64))
		                             : 64 + __builtin_clzll((uint64_t)m);
		int sh = lz - 15;
		*e = -16494 - sh;
		return m << sh;
	}
	*e = be - 16495;
	return m | ((u128)1 << 112);
}

/* m 2^e (m < 2^113, exactly representable: the remainder lies on y's grid). */
static long double join(u128 m, int e)
{
	if (m == 0)
		return 0.0L;
	int lz = (uint64_t)(m >> 64) ? __builtin_clzll((uint64_t)(m >> 64))
	                             : 64 + __builtin_clzll((uint64_t)m);
	int sh = lz - 15;
	m <<= sh;
	e -= sh;
	if (e >= -16494)
		return asld(((u128)(e + 16495) << 112) + (m & LD_MANT));
	return asld(m >> (-16494 - e));
}

/* |x| mod |y| and the low bits of the quotient. */
static long double rem_core(long double x, long double y, uint64_t *q)
{
	int ex, ey;
	u128 mx = split(x, &ex), my = split(y, &ey);
	*q = 0;
	if (ex < ey || (ex == ey && mx < my))
		return __builtin_fabsl(x);
	u128 r = mx % my;
	uint64_t quo = (uint64_t)(mx / my);
	int d = ex - ey;
	while (d > 0) {
		int s = d > 14 ? 14 : d; /* r < 2^113: r << 14 fits in 128 bits */
		r <<= s;
		quo = (quo << s) | (uint64_t)(r / my);
		r %= my;
		d -= s;
	}
	*q = quo;
	return join(r, ey);
}

long double fmodl(long double x, long double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(x) || y == 0)
		return __ld_invalid(__builtin_isinf(x) ? x : y);
	if (__builtin_isinf(y) || x == 0)
		return x;
	uint64_t q;
	return copysignl(rem_core(x, y, &q), x);
}

static long double rem_near(long double x, long double y, int *quo)
{
	uint64_t q;
	long double ay = __builtin_fabsl(y);
	long double r = rem_core(x, y, &q);
	long double h = ay < 0x1p16382L ? 2 * r : r, c = ay < 0x1p16382L ? ay : 0.5L * ay;
	if (h > c || (h == c && (q & 1))) {
		r -= ay;
		q++;
	}
	int qi = (int)(q & 0x7fffffff);
	*quo = __builtin_signbit(x) != __builtin_signbit(y) ? -qi : qi;
	if (r == 0)
		return copysignl(0.0L, x);
	return __builtin_signbit(x) ? -r : r;
}

long double remainderl(long double x, long double y)
{
	int q;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(x) || y == 0)
		return __ld_invalid(__builtin_isinf(x) ? x : y);
	if (__builtin_isinf(y) || x == 0)
		return x;
	return rem_near(x, y, &q);
}

long double remquol(long double x, long double y, int *quo)
{
	*quo = 0;
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (__builtin_isinf(x) || y == 0)
		return __ld_invalid(__builtin_isinf(x) ? x : y);
	if (__builtin_isinf(y) || x == 0)
		return x;
	return rem_near(x, y, quo);
}
