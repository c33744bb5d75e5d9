/*
 * manip.c - exact manipulation of long doubles (binary128): fabsl,
 * copysignl, frexpl, ldexpl/scalbnl/scalblnl, ilogbl, logbl, modfl,
 * nextafterl, nexttowardl, fmaxl, fminl, fdiml, nanl, and the error
 * results shared by the long double functions.
 */
#include "../internal/ld128.h"
#include <limits.h>

long double __ld_invalid(long double x)
{
	long double y = (x - x) / (x - x);
	if (!__builtin_isnan(x))
		errno = EDOM;
	return y;
}

long double __ld_oflow(int neg)
{
	volatile long double big = 0x1p16383L;
	long double y = (neg ? -big : big) * 0x1p16383L;
	errno = ERANGE;
	return y;
}

long double __ld_uflow(int neg)
{
	volatile long double tiny = 0x1p-16382L;
	long double y = (neg ? -tiny : tiny) * 0x1p-16382L;
	errno = ERANGE;
	return y;
}

long double __ld_divzero(int neg)
{
	volatile long double zero = 0.0L;
	long double y = (neg ? -1.0L : 1.0L) / zero;
	errno = ERANGE;
	return y;
}

long double fabsl(long double x)
{
	return asld(asu128(x) & ~LD_SIGN);
}

long double copysignl(long double x, long double y)
{
	return asld((asu128(x) & ~LD_SIGN) | (asu128(y) & LD_SIGN));
}

/* x = f 2^*e with 0.5 <= |f| < 1 (f = x and *e = 0 for 0, inf, nan). */
long double frexpl(long double x, int *e)
{
	u128 ix = asu128(x);
	int be = (int)((ix >> 112) & 0x7fff);
	if (be == 0) {
		if (x == 0) {
			*e = 0;
			return x;
		}
		long double f = frexpl(x * 0x1p120L, e);
		*e -= 120;
		return f;
	}
	if (be == 0x7fff) {
		*e = 0;
		return x;
	}
	*e = be - 16382;
	return asld((ix & (LD_SIGN | LD_MANT)) | ((u128)16382 << 112));
}

/* x 2^n rounded once; overflow and underflow give ERANGE. */
long double scalbnl(long double x, int n)
{
	if (x == 0 || !__builtin_isfinite(x))
		return x;
	if (n > 16383) {
		x *= 0x1p16383L;
		n -= 16383;
		if (n > 16383) {
			x *= 0x1p16383L;
			n -= 16383;
			if (n > 16383)
				n = 16383;
		}
	} else if (n < -16382) {
		/* by 2^-16269 (2^-16382 2^113) first, so only the last step rounds */
		x *= 0x1p-16269L;
		n += 16269;
		if (n < -16382) {
			x *= 0x1p-16269L;
			n += 16269;
			if (n < -16382)
				n = -16382;
		}
	}
	long double y = x * ldpow2(n);
	if (__builtin_isinf(y) || __builtin_fabsl(y) < LDBL_MIN)
		errno = ERANGE;
	return y;
}

long double scalblnl(long double x, long n)
{
	if (n > INT_MAX)
		n = INT_MAX;
	if (n < INT_MIN)
		n = INT_MIN;
	return scalbnl(x, (int)n);
}

long double ldexpl(long double x, int n)
{
	return scalbnl(x, n);
}

/* The unbiased exponent as an int; 0, inf and NaN are domain errors. */
int ilogbl(long double x)
{
	u128 ix = asu128(x);
	int be = (int)((ix >> 112) & 0x7fff);
	if (be == 0) {
		u128 m = ix & LD_MANT;
		if (m == 0) {
			__ld_invalid(0.0L);
			return FP_ILOGB0;
		}
		int lz = (uint64_t)(m >> 64) ? __builtin_clzll((uint64_t)(m >> 64))
		                             : 64 + __builtin_clzll((uint64_t)m);
		return -16382 - (lz - 15);
	}
	if (be == 0x7fff) {
		__ld_invalid(0.0L);
		return (ix & LD_MANT) ? FP_ILOGBNAN : INT_MAX;
	}
	return be - 16383;
}

/* The unbiased exponent as a long double; logbl(0) = -inf (ERANGE). */
long double logbl(long double x)
{
	if (x == 0)
		return __ld_divzero(1);
	if (!__builtin_isfinite(x))
		return x * x;
	return (long double)ilogbl(x);
}

/* Integral and fractional parts, both with the sign of x. */
long double modfl(long double x, long double *ip)
{
	u128 ix = asu128(x);
	int e = (int)((ix >> 112) & 0x7fff) - 16383;
	if (e >= 112) {
		*ip = x;
		if (e == 16384 && (ix & LD_MANT))
			return x;
		return asld(ix & LD_SIGN);
	}
	if (e < 0) {
		*ip = asld(ix & LD_SIGN);
		return x;
	}
	u128 m = LD_MANT >> e;
	if (!(ix & m)) {
		*ip = x;
		return asld(ix & LD_SIGN);
	}
	*ip = asld(ix & ~m);
	return x - *ip;
}

/* The next long double after x toward y; overflow and subnormal results give ERANGE. */
long double nextafterl(long double x, long double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (x == y)
		return y;
	u128 ix = asu128(x);
	if (x == 0)
		ix = (asu128(y) & LD_SIGN) | 1;
	else if ((x < y) == !(ix >> 127))
		ix++;
	else
		ix--;
	long double r = asld(ix);
	if (__builtin_isinf(r))
		return __ld_oflow((int)(ix >> 127));
	if (__builtin_fabsl(r) < LDBL_MIN) {
		volatile long double t = r * r;
		(void)t;
		errno = ERANGE;
	}
	return r;
}

long double nexttowardl(long double x, long double y)
{
	return nextafterl(x, y);
}

/* The larger of x and y (a NaN is ignored); fmaxl(-0, +0) = +0. */
long double fmaxl(long double x, long double y)
{
	if (__builtin_isnan(x))
		return y;
	if (__builtin_isnan(y))
		return x;
	if (x == y)
		return __builtin_signbit(x) ? y : x;
	return x > y ? x : y;
}

/* The smaller of x and y (a NaN is ignored); fminl(-0, +0) = -0. */
long double fminl(long double x, long double y)
{
	if (__builtin_isnan(x))
		return y;
	if (__builtin_isnan(y))
		return x;
	if (x == y)
		return __builtin_signbit(x) ? x : y;
	return x < y ? x : y;
}

/* x - y if x > y, else +0; overflow gives ERANGE. */
long double fdiml(long double x, long double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (!(x > y))
		return 0.0L;
	long double r = x - y;
	if (__builtin_isinf(r) && __builtin_isfinite(x) && __builtin_isfinite(y))
		errno = ERANGE;
	return r;
}

/* A quiet NaN with the payload given by tag. */
long double nanl(const char *tag)
{
	u128 p = (u128)__nan_payload(tag) & (((u128)1 << 111) - 1);
	return asld(((u128)0x7fff << 112) | ((u128)1 << 111) | p);
}
