/*
 * g_libc_math.c - group "libc_math": libm.so inside QSOE on the RISC-V
 * target (hardware double and float, software binary128 long double):
 * exact identities, values known to full precision, special cases and
 * errno (math_errhandling), and fenv.h over the real fcsr (exception flags
 * and the four rounding modes changing the results of arithmetic and of
 * rint).
 */
#include <fenv.h>
#include <float.h>
#include <math.h>
#include "suite.h"

/* Distance in units in the last place between two doubles of the same sign. */
static long long ulps(double a, double b)
{
	long long x, y;
	memcpy(&x, &a, 8);
	memcpy(&y, &b, 8);
	return x > y ? x - y : y - x;
}

static void values(void)
{
	/* constants known to the last bit (the nearest doubles) */
	CHECK(ulps(exp(1.0), M_E) <= 1, "exp(1) = e");
	CHECK(ulps(log(10.0), M_LN10) <= 1, "log(10)");
	CHECK(ulps(atan(1.0) * 4, M_PI) <= 1, "4 atan(1) = pi");
	CHECK(ulps(sqrt(2.0), M_SQRT2) == 0, "sqrt(2) is correctly rounded");
	CHECK(ulps(sin(M_PI / 6), 0.5) <= 1 && ulps(cos(M_PI / 3), 0.5) <= 1, "sin, cos");
	CHECK(fabs(sin(M_PI)) < 2e-16 && sin(M_PI) != 0, "sin(pi) is the rounding error of pi");
	CHECK(ulps(sin(1e22), -0.8522008497671888) <= 1, "sin(1e22): argument reduction");
	CHECK(pow(2.0, 10.0) == 1024.0 && pow(-8.0, 1.0 / 3) != pow(-8.0, 1.0 / 3),
	      "pow exact, and NaN for a negative base with a fractional power");
	CHECK(cbrt(-27.0) == -3.0 && hypot(3.0, 4.0) == 5.0, "cbrt, hypot exact");
	CHECK(ulps(log1p(1e-10), 9.9999999995e-11) <= 1 &&
	              ulps(expm1(1e-10), 1.00000000005e-10) <= 1,
	      "log1p, expm1 near zero");
	CHECK(ulps(tgamma(5.0), 24.0) <= 1 && ulps(lgamma(10.0), 12.801827480081469) <= 2,
	      "tgamma, lgamma");
	CHECK(ulps(erf(1.0), 0.8427007929497149) <= 1, "erf(1)");
	CHECK(floor(-1.5) == -2 && ceil(-1.5) == -1 && trunc(-1.5) == -1 && round(-1.5) == -2 &&
	              round(2.5) == 3,
	      "floor, ceil, trunc, round");
	CHECK(fmod(7.5, 2.0) == 1.5 && remainder(7.5, 2.0) == -0.5, "fmod, remainder");
	int ex;
	CHECK(frexp(48.0, &ex) == 0.75 && ex == 6 && ldexp(0.75, 6) == 48.0, "frexp, ldexp");
	double ip;
	CHECK(modf(-3.25, &ip) == -0.25 && ip == -3.0, "modf");
	CHECK(nextafter(1.0, 2.0) == 1.0 + DBL_EPSILON, "nextafter");
	CHECK(fma(0x1p52 + 1, 0x1p52 - 1, -0x1p104) == -1.0, "fma is fused");
	CHECK(fabsf(sinf(0.5f) - 0.47942554f) <= 3e-8f && sqrtf(2.0f) == 1.41421356f, "float");
	long double third = 1.0L / 3;
	CHECK(third * 3 == 1.0L && third != 1.0 / 3, "long double is binary128 (soft-float)");
	CHECK(fabsl(expl(1.0L) - 2.718281828459045235360287471352662L) <= LDBL_EPSILON * 3,
	      "expl(1) to binary128 precision");
	CHECK(fabsl(sqrtl(2.0L) * sqrtl(2.0L) - 2.0L) <= LDBL_EPSILON * 4, "sqrtl");
}

static void special(void)
{
	CHECK(math_errhandling & MATH_ERRNO, "math_errhandling has MATH_ERRNO");
	errno = 0;
	double r = log(-1.0);
	CHECK(isnan(r) && errno == EDOM, "log(-1): NaN, EDOM");
	errno = 0;
	r = log(0.0);
	CHECK(r == -HUGE_VAL && errno == ERANGE, "log(0): -inf, ERANGE");
	errno = 0;
	r = exp(1000.0);
	CHECK(r == HUGE_VAL && errno == ERANGE, "exp overflow: ERANGE");
	errno = 0;
	r = sqrt(-1.0);
	CHECK(isnan(r) && errno == EDOM, "sqrt(-1): EDOM");
	errno = 0;
	r = pow(0.0, -1.0);
	CHECK(r == HUGE_VAL && errno == ERANGE, "pow(0, -1): pole");
	CHECK(signbit(copysign(0.0, -1.0)) && 1 / atan2(-0.0, 1.0) < 0, "signed zeros");
	CHECK(isinf(HUGE_VAL) && isfinite(1.0) && isnormal(1.0) && !isnormal(DBL_MIN / 2) &&
	              fpclassify(DBL_MIN / 2) == FP_SUBNORMAL,
	      "classification");
	CHECK(atan2(1.0, 0.0) == M_PI_2 && atan2(0.0, -1.0) == M_PI, "atan2 quadrants");
	CHECK(pow(1.0, NAN) == 1.0 && pow(NAN, 0.0) == 1.0, "pow's C Annex F cases");
	CHECK(isnan(nan("")) && isnan(NAN) && INFINITY > DBL_MAX, "NAN, INFINITY");
}

static volatile double vone = 1.0, vthree = 3.0;

static void environment(void)
{
	feclearexcept(FE_ALL_EXCEPT);
	volatile double z = vone / 0.0;
	CHECK(fetestexcept(FE_DIVBYZERO) && isinf(z), "division by zero raises FE_DIVBYZERO");
	feclearexcept(FE_ALL_EXCEPT);
	volatile double q = vone / vthree;
	CHECK(fetestexcept(FE_INEXACT) && !fetestexcept(FE_DIVBYZERO),
	      "1/3 raises FE_INEXACT only");
	feclearexcept(FE_ALL_EXCEPT);
	CHECK(fetestexcept(FE_ALL_EXCEPT) == 0, "feclearexcept");
	CHECK_EQ(feraiseexcept(FE_OVERFLOW), 0);
	CHECK(fetestexcept(FE_OVERFLOW), "feraiseexcept");

	CHECK(fegetround() == FE_TONEAREST, "programs start rounding to nearest");
	static const int modes[4] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
	static const double want_rint[4] = {2.0, 3.0, 2.0, 2.0};
	static const double want_neg[4] = {-2.0, -2.0, -3.0, -2.0};
	for (int i = 0; i < 4; i++) {
		CHECK_EQ(fesetround(modes[i]), 0);
		CHECK(fegetround() == modes[i], "fegetround after fesetround");
		CHECK(rint(2.5) == want_rint[i] && nearbyint(-2.5) == want_neg[i],
		      "rint follows rounding mode %d (%g %g)", i, rint(2.5), nearbyint(-2.5));
		q = vone / vthree;
		double lo = 0.33333333333333331483, hi = 0.33333333333333337034;
		double want = (modes[i] == FE_UPWARD) ? hi : lo;
		CHECK(q == want, "1/3 is rounded per mode %d (%a)", i, q);
	}
	fesetround(FE_TONEAREST);
	fenv_t env;
	CHECK_EQ(fegetenv(&env), 0);
	fesetround(FE_UPWARD);
	CHECK_EQ(fesetenv(&env), 0);
	CHECK(fegetround() == FE_TONEAREST, "fesetenv restores the rounding mode");
	CHECK(fesetround(12345) != 0, "an invalid rounding mode is refused");
	(void)z;
}

SUITE_GROUP(libc_math)
{
	values();
	special();
	environment();
}
