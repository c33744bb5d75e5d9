/*
 * math.h - mathematics (ISO C 7.12, POSIX.1-2008 additions), in libm.
 *
 * math_errhandling is MATH_ERRNO | MATH_ERREXCEPT: domain errors set errno
 * to EDOM, pole errors and range errors (overflow, and underflow to zero or
 * a subnormal) set ERANGE, and the IEEE exception flags are raised. long
 * double is IEEE binary128 on RISC-V. Accuracy bounds: docs/libc.md.
 */
#ifndef _MATH_H
#define _MATH_H

#include <sys/cdefs.h>

__BEGIN_DECLS

typedef float float_t; /* FLT_EVAL_METHOD is 0 */
typedef double double_t;

#define HUGE_VAL     (__builtin_huge_val())
#define HUGE_VALF    (__builtin_huge_valf())
#define HUGE_VALL    (__builtin_huge_vall())
#define INFINITY     (__builtin_inff())
#define NAN          (__builtin_nanf(""))

#define FP_NAN       0
#define FP_INFINITE  1
#define FP_ZERO      2
#define FP_SUBNORMAL 3
#define FP_NORMAL    4

#ifdef __FP_FAST_FMA
#define FP_FAST_FMA 1
#endif
#ifdef __FP_FAST_FMAF
#define FP_FAST_FMAF 1
#endif
#ifdef __FP_FAST_FMAL
#define FP_FAST_FMAL 1
#endif

#define FP_ILOGB0        (-2147483647)
#define FP_ILOGBNAN      2147483647

#define MATH_ERRNO       1
#define MATH_ERREXCEPT   2
#define math_errhandling (MATH_ERRNO | MATH_ERREXCEPT)

/* Classification (type-generic). */
#define fpclassify(x) __builtin_fpclassify(FP_NAN, FP_INFINITE, FP_NORMAL, FP_SUBNORMAL, FP_ZERO, x)
#define isfinite(x)   __builtin_isfinite(x)
#define isinf(x)      __builtin_isinf_sign(x)
#define isnan(x)      __builtin_isnan(x)
#define isnormal(x)   __builtin_isnormal(x)
#define signbit(x)    __builtin_signbit(x)

/* Quiet comparisons (type-generic). */
#define isgreater(x, y)      __builtin_isgreater(x, y)
#define isgreaterequal(x, y) __builtin_isgreaterequal(x, y)
#define isless(x, y)         __builtin_isless(x, y)
#define islessequal(x, y)    __builtin_islessequal(x, y)
#define islessgreater(x, y)  __builtin_islessgreater(x, y)
#define isunordered(x, y)    __builtin_isunordered(x, y)

/* XSI constants. */
#define M_E        2.7182818284590452354  /* e */
#define M_LOG2E    1.4426950408889634074  /* log2(e) */
#define M_LOG10E   0.43429448190325182765 /* log10(e) */
#define M_LN2      0.69314718055994530942 /* ln(2) */
#define M_LN10     2.30258509299404568402 /* ln(10) */
#define M_PI       3.14159265358979323846 /* pi */
#define M_PI_2     1.57079632679489661923 /* pi/2 */
#define M_PI_4     0.78539816339744830962 /* pi/4 */
#define M_1_PI     0.31830988618379067154 /* 1/pi */
#define M_2_PI     0.63661977236758134308 /* 2/pi */
#define M_2_SQRTPI 1.12837916709551257390 /* 2/sqrt(pi) */
#define M_SQRT2    1.41421356237309504880 /* sqrt(2) */
#define M_SQRT1_2  0.70710678118654752440 /* 1/sqrt(2) */

/* Set by lgamma(), lgammaf() and lgammal() to the sign of the gamma function. */
extern int signgam;

/*
 * Declares the double, float (name##f) and long double (name##l) variants
 * of a one- or two-argument function. (The parameter must not be called
 * f: "f##f" would paste the argument twice.)
 */
#define __QSOE_MATH1(__n)      \
	double __n(double x);  \
	float __n##f(float x); \
	long double __n##l(long double x)
#define __QSOE_MATH2(__n)               \
	double __n(double x, double y); \
	float __n##f(float x, float y); \
	long double __n##l(long double x, long double y)

/* Trigonometric and hyperbolic. */
__QSOE_MATH1(acos);
__QSOE_MATH1(asin);
__QSOE_MATH1(atan);
__QSOE_MATH2(atan2);
__QSOE_MATH1(cos);
__QSOE_MATH1(sin);
__QSOE_MATH1(tan);
__QSOE_MATH1(acosh);
__QSOE_MATH1(asinh);
__QSOE_MATH1(atanh);
__QSOE_MATH1(cosh);
__QSOE_MATH1(sinh);
__QSOE_MATH1(tanh);

/* Exponential and logarithmic. */
__QSOE_MATH1(exp);
__QSOE_MATH1(exp2);
__QSOE_MATH1(expm1);
double frexp(double x, int *e);
float frexpf(float x, int *e);
long double frexpl(long double x, int *e);
int ilogb(double x);
int ilogbf(float x);
int ilogbl(long double x);
double ldexp(double x, int e);
float ldexpf(float x, int e);
long double ldexpl(long double x, int e);
__QSOE_MATH1(log);
__QSOE_MATH1(log10);
__QSOE_MATH1(log1p);
__QSOE_MATH1(log2);
__QSOE_MATH1(logb);
double modf(double x, double *ip);
float modff(float x, float *ip);
long double modfl(long double x, long double *ip);
double scalbn(double x, int n);
float scalbnf(float x, int n);
long double scalbnl(long double x, int n);
double scalbln(double x, long n);
float scalblnf(float x, long n);
long double scalblnl(long double x, long n);

/* Power and absolute value. */
__QSOE_MATH1(cbrt);
__QSOE_MATH1(fabs);
__QSOE_MATH2(hypot);
__QSOE_MATH2(pow);
__QSOE_MATH1(sqrt);

/* Error and gamma. */
__QSOE_MATH1(erf);
__QSOE_MATH1(erfc);
__QSOE_MATH1(lgamma);
__QSOE_MATH1(tgamma);
/* lgamma with the sign of gamma stored in *sign, not in signgam (reentrant). */
double lgamma_r(double x, int *sign);
float lgammaf_r(float x, int *sign);
long double lgammal_r(long double x, int *sign);

/* Nearest integer. */
__QSOE_MATH1(ceil);
__QSOE_MATH1(floor);
__QSOE_MATH1(nearbyint);
__QSOE_MATH1(rint);
__QSOE_MATH1(round);
__QSOE_MATH1(trunc);
long lrint(double x);
long lrintf(float x);
long lrintl(long double x);
long long llrint(double x);
long long llrintf(float x);
long long llrintl(long double x);
long lround(double x);
long lroundf(float x);
long lroundl(long double x);
long long llround(double x);
long long llroundf(float x);
long long llroundl(long double x);

/* Remainder. */
__QSOE_MATH2(fmod);
__QSOE_MATH2(remainder);
double remquo(double x, double y, int *quo);
float remquof(float x, float y, int *quo);
long double remquol(long double x, long double y, int *quo);

/* Manipulation. */
__QSOE_MATH2(copysign);
double nan(const char *tag);
float nanf(const char *tag);
long double nanl(const char *tag);
__QSOE_MATH2(nextafter);
double nexttoward(double x, long double y);
float nexttowardf(float x, long double y);
long double nexttowardl(long double x, long double y);

/* Maximum, minimum, positive difference, fused multiply-add. */
__QSOE_MATH2(fdim);
__QSOE_MATH2(fmax);
__QSOE_MATH2(fmin);
double fma(double x, double y, double z);
float fmaf(float x, float y, float z);
long double fmal(long double x, long double y, long double z);

#undef __QSOE_MATH1
#undef __QSOE_MATH2

__END_DECLS

#endif /* _MATH_H */
