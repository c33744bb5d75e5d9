/*
 * wrap.c - the float functions computed through the double ones.
 *
 * A float argument is exact in double, and the double functions are within
 * 0.6 ulp of double, so rounding their result to float gives at most
 * 0.5 + 2^-28 ulp of float (correct rounding except in rare double-rounding
 * cases). __math_narrow() adds float's own overflow and underflow reports.
 * The exact functions (rounding, remainders, manipulation) give the exact
 * float result this way too.
 */
#include "../internal/libm.h"

#define WRAP1(fn)                                    \
	float fn##f(float x)                         \
	{                                            \
		return __math_narrow(fn((double)x)); \
	}
#define WRAP2(fn)                                               \
	float fn##f(float x, float y)                           \
	{                                                       \
		return __math_narrow(fn((double)x, (double)y)); \
	}

WRAP1(exp)
WRAP1(exp2)
WRAP1(expm1)
WRAP1(log)
WRAP1(log2)
WRAP1(log10)
WRAP1(log1p)
WRAP1(sin)
WRAP1(cos)
WRAP1(tan)
WRAP1(asin)
WRAP1(acos)
WRAP1(atan)
WRAP1(sinh)
WRAP1(cosh)
WRAP1(tanh)
WRAP1(asinh)
WRAP1(acosh)
WRAP1(atanh)
WRAP1(erf)
WRAP1(erfc)
WRAP1(tgamma)
WRAP1(lgamma)
WRAP1(cbrt)
WRAP1(logb)
WRAP1(trunc)
WRAP1(floor)
WRAP1(ceil)
WRAP1(round)
WRAP1(rint)
WRAP1(nearbyint)
WRAP2(pow)
WRAP2(atan2)
WRAP2(hypot)
WRAP2(fmod)
WRAP2(remainder)

float lgammaf_r(float x, int *sign)
{
	return __math_narrow(lgamma_r((double)x, sign));
}

float remquof(float x, float y, int *quo)
{
	return (float)remquo((double)x, (double)y, quo);
}

float modff(float x, float *ip)
{
	double i;
	double f = modf((double)x, &i);
	*ip = (float)i;
	return (float)f;
}

float frexpf(float x, int *e)
{
	return (float)frexp((double)x, e);
}

/* x 2^n rounded once (the double product is exact, the conversion rounds). */
float scalbnf(float x, int n)
{
	if (n > 400)
		n = 400;
	if (n < -400)
		n = -400;
	return __math_narrow(scalbn((double)x, n));
}

float scalblnf(float x, long n)
{
	if (n > 400)
		n = 400;
	if (n < -400)
		n = -400;
	return scalbnf(x, (int)n);
}

float ldexpf(float x, int n)
{
	return scalbnf(x, n);
}

int ilogbf(float x)
{
	return ilogb((double)x);
}

long lrintf(float x)
{
	return lrint((double)x);
}

long long llrintf(float x)
{
	return llrint((double)x);
}

long lroundf(float x)
{
	return lround((double)x);
}

long long llroundf(float x)
{
	return llround((double)x);
}

/* Square root: the double root of a float rounds correctly to float. */
float sqrtf(float x)
{
	if (x < 0)
		return __math_invalidf(x);
	return (float)__builtin_sqrt((double)x);
}

float fabsf(float x)
{
	return asflt(asu32(x) & 0x7fffffffU);
}

float copysignf(float x, float y)
{
	return asflt((asu32(x) & 0x7fffffffU) | (asu32(y) & 0x80000000U));
}

float fmaxf(float x, float y)
{
	return (float)fmax((double)x, (double)y);
}

float fminf(float x, float y)
{
	return (float)fmin((double)x, (double)y);
}

/* x - y if x > y, else +0; overflow gives ERANGE. */
float fdimf(float x, float y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (!(x > y))
		return 0.0f;
	float r = x - y;
	if (__builtin_isinf(r) && __builtin_isfinite(x) && __builtin_isfinite(y))
		errno = ERANGE;
	return r;
}

/* The next float after x toward y; overflow and subnormal results give ERANGE. */
float nextafterf(float x, float y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return x + y;
	if (x == y)
		return y;
	uint32_t ix = asu32(x);
	if (x == 0)
		ix = (asu32(y) & 0x80000000U) | 1;
	else if ((x < y) == !(ix >> 31))
		ix++;
	else
		ix--;
	float r = asflt(ix);
	if (__builtin_isinf(r))
		return __math_oflowf(ix >> 31);
	if (__builtin_fabsf(r) < FLT_MIN) {
		force_evalf(r * r);
		errno = ERANGE;
	}
	return r;
}

float nexttowardf(float x, long double y)
{
	if (__builtin_isnan(x) || __builtin_isnan(y))
		return (float)(x + y);
	if ((long double)x == y)
		return (float)y;
	return nextafterf(x, (long double)x < y ? __builtin_inff() : -__builtin_inff());
}

float nanf(const char *tag)
{
	uint32_t p = (uint32_t)(__nan_payload(tag) & 0x3fffffU);
	return asflt(0x7fc00000U | p);
}

/*
 * Fused multiply-add: the hardware instruction where there is one; else
 * the product is exact in double and the sum is rounded to odd in double
 * before the final rounding to float, which makes the result correctly
 * rounded (round-to-nearest).
 */
float fmaf(float x, float y, float z)
{
#ifdef __FP_FAST_FMAF
	return __builtin_fmaf(x, y, z);
#else
	double p = (double)x * (double)y; /* exact */
	double e;
	double s = two_sum(p, (double)z, &e);
	if (e != 0 && __builtin_isfinite(s)) {
		uint64_t is = asu64(s);
		if (!(is & 1)) /* round to odd: make the last bit sticky */
			s = asdbl(((e > 0) == (s > 0)) ? is + 1 : is - 1);
	}
	return __math_narrow(s);
#endif
}
