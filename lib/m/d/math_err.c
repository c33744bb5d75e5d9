/*
 * math_err.c - the error results of the math functions: each returns the
 * IEEE result of an overflow, underflow, pole or domain error, raising the
 * matching exception flag by a real operation and setting errno as C's
 * MATH_ERRNO mode requires.
 */
#include "../internal/libm.h"

/* Returns +-inf (overflow flag, errno = ERANGE). */
double __math_oflow(int neg)
{
	volatile double big = 0x1p1023;
	double y = (neg ? -big : big) * 0x1p1023;
	return with_errno(y, ERANGE);
}

/* Returns +-0 (underflow and inexact flags, errno = ERANGE). */
double __math_uflow(int neg)
{
	volatile double tiny = 0x1p-1022;
	double y = (neg ? -tiny : tiny) * 0x1p-1022;
	return with_errno(y, ERANGE);
}

/* Returns +-inf (divide-by-zero flag, errno = ERANGE). */
double __math_divzero(int neg)
{
	volatile double zero = 0.0;
	double y = (neg ? -1.0 : 1.0) / zero;
	return with_errno(y, ERANGE);
}

/* Returns NaN (invalid flag unless x is already a NaN, errno = EDOM). */
double __math_invalid(double x)
{
	double y = (x - x) / (x - x);
	if (!__builtin_isnan(x))
		errno = EDOM;
	return y;
}

float __math_oflowf(int neg)
{
	volatile float big = 0x1p127f;
	float y = (neg ? -big : big) * 0x1p127f;
	return with_errnof(y, ERANGE);
}

float __math_uflowf(int neg)
{
	volatile float tiny = 0x1p-126f;
	float y = (neg ? -tiny : tiny) * 0x1p-126f;
	return with_errnof(y, ERANGE);
}

float __math_divzerof(int neg)
{
	volatile float zero = 0.0f;
	float y = (neg ? -1.0f : 1.0f) / zero;
	return with_errnof(y, ERANGE);
}

float __math_invalidf(float x)
{
	float y = (x - x) / (x - x);
	if (!__builtin_isnan(x))
		errno = EDOM;
	return y;
}

/*
 * (h + l) 2^k rounded once for a normal h (any magnitude) and |l| <= ulp(h):
 * h + l is renormalised into [1, 2) before __exp_scale does the rounding.
 */
double __math_scale_dd(double h, double l, int k)
{
	int e = dexp(h) - 1023;
	double s = asdbl((uint64_t)(1023 - e) << 52);
	return __exp_scale(h * s, l * s, k + e);
}

/* Sets errno = ERANGE if y is subnormal or zero (an underflowed result); returns y. */
double __math_check_uflow(double y)
{
	if (__builtin_fabs(y) < DBL_MIN)
		errno = ERANGE;
	return y;
}

float __math_check_uflowf(float y)
{
	if (__builtin_fabsf(y) < FLT_MIN)
		errno = ERANGE;
	return y;
}

/*
 * Rounds y (the double result of a float function computed in double) to
 * float: ERANGE when a finite y overflows float or underflows it.
 */
float __math_narrow(double y)
{
	float r = (float)y;
	if (__builtin_isinf(r) && !__builtin_isinf(y))
		errno = ERANGE;
	else if (y != 0 && __builtin_fabsf(r) < FLT_MIN && !__builtin_isnan(y))
		errno = ERANGE;
	return r;
}
