/*
 * manip.c - exact manipulation of doubles: fabs, copysign, modf, frexp,
 * ldexp/scalbn/scalbln, logb, ilogb, nextafter, nexttoward, fmin, fmax,
 * fdim and nan.
 */
#include "../internal/libm.h"
#include <limits.h>

double fabs(double x)
{
	return asdbl(asu64(x) & 0x7fffffffffffffffULL);
}

double copysign(double x, double y)
{
	return asdbl((asu64(x) & 0x7fffffffffffffffULL) | (asu64(y) & 0x8000000000000000ULL));
}

/* Splits x into integral part (*ip) and fraction, both with the sign of x. */
double modf(double x, double *ip)
{
	uint64_t ix = asu64(x);
	int e = (int)((ix >> 52) & 0x7ff) - 1023;
	if (e >= 52) {
		*ip = x;
		if (e == 1024 && (ix & 0x000fffffffffffffULL))
			return x; /* nan */
		return asdbl(ix & 0x8000000000000000ULL);
	}
	if (e < 0) {
		*ip = asdbl(ix & 0x8000000000000000ULL);
		return x;
	}
	uint64_t m = 0x000fffffffffffffULL >> e;
	if ((ix & m) == 0) {
		*ip = x;
		return asdbl(ix & 0x8000000000000000ULL);
	}
	*ip = asdbl(ix & ~m);
	return x - *ip;
}

/* x = f 2^*e with 0.5 <= |f| < 1 (f = x for 0, inf, nan; *e = 0 then). */
double frexp(double x, int *e)
{
	uint64_t ix = asu64(x);
	int be = (int)((ix >> 52) & 0x7ff);
	if (be == 0) {
		if (x == 0) {
			*e = 0;
			return x;
		}
		x *= 0x1p64;
		double f = frexp(x, e);
		*e -= 64;
		return f;
	}
	if (be == 0x7ff) {
		*e = 0;
		return x;
	}
	*e = be - 1022;
	return asdbl((ix & 0x800fffffffffffffULL) | 0x3fe0000000000000ULL);
}

/* x 2^n with a single rounding; overflow and underflow give ERANGE. */
double scalbn(double x, int n)
{
	if (x == 0 || !__builtin_isfinite(x))
		return x;
	if (n > 1023) {
		x *= 0x1p1023;
		n -= 1023;
		if (n > 1023) {
			x *= 0x1p1023;
			n -= 1023;
			if (n > 1023)
				n = 1023;
		}
	} else if (n < -1022) {
		/* scale by 2^-969 (= 2^-1022 2^53) so only the last step can round */
		x *= 0x1p-969;
		n += 969;
		if (n < -1022) {
			x *= 0x1p-969;
			n += 969;
			if (n < -1022)
				n = -1022;
		}
	}
	double y = x * asdbl((uint64_t)(0x3ff + n) << 52);
	if (__builtin_isinf(y) || __builtin_fabs(y) < DBL_MIN)
		errno = ERANGE;
	return y;
}

double scalbln(double x, long n)
{
	if (n > INT_MAX)
		n = INT_MAX;
	if (n < INT_MIN)
		n = INT_MIN;
	return scalbn(x, (int)n);
}

double ldexp(double x, int n)
{
	return scalbn(x, n);
}

/* Unbiased exponent of x as an int; 0 and NaN give FP_ILOGB0/FP_ILOGBNAN with EDOM. */
int ilogb(double x)
{
	uint64_t ix = asu64(x);
	int be = (int)((ix >> 52) & 0x7ff);
	if (be == 0) {
		uint64_t m = ix & 0x000fffffffffffffULL;
		if (m == 0) {
			__math_invalid(0.0);
			return FP_ILOGB0;
		}
		return -1011 - __builtin_clzll(m);
	}
	if (be == 0x7ff) {
		__math_invalid(0.0);
		return (ix & 0x000fffffffffffffULL) ? FP_ILOGBNAN : INT_MAX;
	}
	return be - 1023;
}

/* Unbiased exponent of x as a double; logb(0) = -inf (ERANGE). */
double logb(double x)
{
	if (x == 0)
		return __math_divzero(1);
	if (!__builtin_isfinite(x))
		return x * x;
	uint64_t ix = asu64(x);
	int be = (int)((ix >> 52) & 0x7ff);
	if (be == 0)
		return (double)(-1011 - __builtin_clzll(ix & 0x000fffffffffffffULL));
	return (double)(be - 1023);
}

/* The next double after x toward y; overflow and subnormal results give ERANGE. */
double nextafter(double x, double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (x == y)
		return y;
	uint64_t ix = asu64(x);
	if (x == 0)
		ix = (asu64(y) & 0x8000000000000000ULL) | 1;
	else if ((x < y) == !(ix >> 63))
		ix++;
	else
		ix--;
	double r = asdbl(ix);
	if (__builtin_isinf(r))
		return __math_oflow(ix >> 63);
	if (__builtin_fabs(r) < DBL_MIN) {
		force_eval(r * r); /* underflow */
		errno = ERANGE;
	}
	return r;
}

/* nextafter() with a long double direction. */
double nexttoward(double x, long double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return (double)(x + y);
	if ((long double)x == y)
		return (double)y;
	return nextafter(x, (long double)x < y ? __builtin_inf() : -__builtin_inf());
}

/* The larger of x and y; a NaN argument is ignored; fmax(-0, +0) = +0. */
double fmax(double x, double y)
{
	if (__builtin_isnan(x))
		return y;
	if (__builtin_isnan(y))
		return x;
	if (x == y)
		return __builtin_signbit(x) ? y : x;
	return x > y ? x : y;
}

/* The smaller of x and y; a NaN argument is ignored; fmin(-0, +0) = -0. */
double fmin(double x, double y)
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
double fdim(double x, double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (!(x > y))
		return 0.0;
	double r = x - y;
	if (__builtin_isinf(r) && __builtin_isfinite(x) && __builtin_isfinite(y))
		errno = ERANGE;
	return r;
}

/*
 * Parses the NaN payload text of nan()/nanf()/nanl() as strtoull does in
 * base 0 ("0x..." hex, "0..." octal, else decimal); any other character
 * gives payload 0.
 */
unsigned long long __nan_payload(const char *tag)
{
	unsigned long long v = 0;
	unsigned base = 10;
	if (!tag)
		return 0;
	if (tag[0] == '0') {
		base = 8;
		tag++;
		if (*tag == 'x' || *tag == 'X') {
			base = 16;
			tag++;
		}
	}
	for (; *tag; tag++) {
		unsigned d;
		char c = *tag;
		if (c >= '0' && c <= '9')
			d = (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			d = (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			d = (unsigned)(c - 'A' + 10);
		else
			return 0;
		if (d >= base)
			return 0;
		v = v * base + d;
	}
	return v;
}

/* A quiet NaN whose payload is given by tag. */
double nan(const char *tag)
{
	uint64_t p = __nan_payload(tag) & 0x0007ffffffffffffULL;
	return asdbl(0x7ff8000000000000ULL | p);
}
