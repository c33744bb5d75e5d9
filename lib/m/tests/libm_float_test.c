/*
 * libm_float_test.c - QSOE's float libm (linked as q_<name>f) against the
 * host's: transcendental functions against glibc's double function as the
 * reference (error printed in float ulps, bound checked), exact functions
 * bit for bit against glibc's float functions, and special arguments
 * against glibc's float results and errno.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libm_test.h"

#define F1(n) float q_##n##f(float)
#define F2(n) float q_##n##f(float, float)
F1(exp);
F1(exp2);
F1(expm1);
F1(log);
F1(log2);
F1(log10);
F1(log1p);
F1(sin);
F1(cos);
F1(tan);
F1(asin);
F1(acos);
F1(atan);
F1(sinh);
F1(cosh);
F1(tanh);
F1(asinh);
F1(acosh);
F1(atanh);
F1(erf);
F1(erfc);
F1(tgamma);
F1(lgamma);
F1(cbrt);
F1(sqrt);
F1(trunc);
F1(floor);
F1(ceil);
F1(round);
F1(rint);
F1(nearbyint);
F1(fabs);
F1(logb);
F2(pow);
F2(atan2);
F2(hypot);
F2(fmod);
F2(remainder);
F2(copysign);
F2(nextafter);
F2(fmax);
F2(fmin);
F2(fdim);
float q_fmaf(float, float, float);
float q_ldexpf(float, int);
float q_frexpf(float, int *);
int q_ilogbf(float);
long q_lrintf(float);
long q_lroundf(float);

static float urandf(float a, float b)
{
	return (float)(a + (b - a) * ((double)(rnd64() >> 11) * 0x1p-53));
}

static float rbitsf(void)
{
	for (;;) {
		uint32_t b = (uint32_t)(rnd64() >> 32);
		float x;
		memcpy(&x, &b, 4);
		if (isfinite(x))
			return x;
	}
}

/* Error of got in float ulps of the (double) reference. */
static double ulp_errf(float got, double ref)
{
	float rf = (float)ref;
	if (isnan(got) || isnan(ref))
		return isnan(got) && isnan(ref) ? 0 : 1e30;
	if (isinf(rf) || isinf(got))
		return got == rf ? 0 : 1e30;
	int e;
	frexp(ref, &e);
	if (e < -125)
		e = -125;
	return fabs((double)got - ref) / ldexp(1.0, e - 24);
}

struct fn1 {
	const char *name;
	float (*q)(float);
	double (*ref)(double);
	float (*g)(float);
	float lo, hi;
};

static const struct fn1 fns1[] = {
        {"expf", q_expf, exp, expf, -104, 89},
        {"exp2f", q_exp2f, exp2, exp2f, -150, 128},
        {"expm1f", q_expm1f, expm1, expm1f, -20, 89},
        {"logf", q_logf, log, logf, 0, 100},
        {"log2f", q_log2f, log2, log2f, 0, 100},
        {"log10f", q_log10f, log10, log10f, 0, 100},
        {"log1pf", q_log1pf, log1p, log1pf, -1, 10},
        {"sinf", q_sinf, sin, sinf, -100, 100},
        {"cosf", q_cosf, cos, cosf, -100, 100},
        {"tanf", q_tanf, tan, tanf, -100, 100},
        {"asinf", q_asinf, asin, asinf, -1, 1},
        {"acosf", q_acosf, acos, acosf, -1, 1},
        {"atanf", q_atanf, atan, atanf, -50, 50},
        {"sinhf", q_sinhf, sinh, sinhf, -90, 90},
        {"coshf", q_coshf, cosh, coshf, -90, 90},
        {"tanhf", q_tanhf, tanh, tanhf, -10, 10},
        {"asinhf", q_asinhf, asinh, asinhf, -50, 50},
        {"acoshf", q_acoshf, acosh, acoshf, 1, 50},
        {"atanhf", q_atanhf, atanh, atanhf, -1, 1},
        {"erff", q_erff, erf, erff, -5, 5},
        {"erfcf", q_erfcf, erfc, erfcf, -5, 11},
        {"tgammaf", q_tgammaf, tgamma, tgammaf, -40, 36},
        {"lgammaf", q_lgammaf, lgamma, lgammaf, 0, 1e4},
        {"cbrtf", q_cbrtf, cbrt, cbrtf, -1e3, 1e3},
        {"sqrtf", q_sqrtf, sqrt, sqrtf, 0, 1e6},
};

static const float specials[] = {
        0.0f,      -0.0f,     1.0f,    -1.0f,    0.5f,      2.0f,       -2.0f,
        0x1p-149f, 0x1p-126f, FLT_MAX, -FLT_MAX, 89.0f,     -104.0f,    128.0f,
        -150.0f,   1e10f,     36.0f,   -40.5f,   HUGE_VALF, -HUGE_VALF, NAN,
};
#define NSPEC (sizeof(specials) / sizeof(specials[0]))

static int same(float a, float b)
{
	if (isnan(a) || isnan(b))
		return isnan(a) && isnan(b);
	if (a == 0 && b == 0)
		return signbit(a) == signbit(b);
	return ulp_errf(a, b) <= 1.0;
}

/* errno agreement; QSOE sets ERANGE on every underflowing result (see the double test). */
static int errno_ok(int ea, int eb, float r)
{
	return ea == eb || (ea == ERANGE && eb == 0 && isfinite(r) && fabsf(r) < FLT_MIN);
}

int main(void)
{
	long scale = getenv("LIBM_TEST_SCALE") ? atol(getenv("LIBM_TEST_SCALE")) : 1;
	long n = 1000000 * scale;
	int ok = 1;
	for (size_t k = 0; k < sizeof(fns1) / sizeof(fns1[0]); k++) {
		const struct fn1 *f = &fns1[k];
		double worst = 0;
		for (long i = 0; i < n; i++) {
			float x = (i & 3) ? urandf(f->lo, f->hi) : rbitsf();
			double e = ulp_errf(f->q(x), f->ref((double)x));
			if (e > worst)
				worst = e;
		}
		int bad = 0;
		for (size_t i = 0; i < NSPEC; i++) {
			float x = specials[i];
			q_errno = 0;
			float a = f->q(x);
			int ea = q_errno;
			errno = 0;
			float b = f->g(x);
			int eb = errno;
			if (!same(a, b) || !errno_ok(ea, eb, a)) {
				printf("  %s(%a) = %a errno %d, glibc %a errno %d\n", f->name, x, a,
				       ea, b, eb);
				bad++;
			}
		}
		int good = worst <= 0.501 && bad == 0;
		printf("%-9s max error %.4f ulp (bound 0.501), %d special mismatches %s\n", f->name,
		       worst, bad, good ? "" : "FAIL");
		ok &= good;
	}
	struct {
		const char *name;
		float (*q)(float, float);
		double (*ref)(double, double);
	} fns2[] = {
	        {"powf", q_powf, pow}, {"atan2f", q_atan2f, atan2}, {"hypotf", q_hypotf, hypot}};
	for (size_t k = 0; k < 3; k++) {
		double worst = 0;
		for (long i = 0; i < n; i++) {
			float x = (i & 1) ? urandf(0, 10) : rbitsf(),
			      y = (i & 2) ? urandf(-30, 30) : rbitsf();
			double e = ulp_errf(fns2[k].q(x, y), fns2[k].ref((double)x, (double)y));
			if (e > worst)
				worst = e;
		}
		printf("%-9s max error %.4f ulp (bound 0.501) %s\n", fns2[k].name, worst,
		       worst <= 0.501 ? "" : "FAIL");
		ok &= worst <= 0.501;
	}
	/* exact functions bit for bit */
	struct {
		const char *name;
		float (*q)(float);
		float (*g)(float);
	} ex1[] = {{"truncf", q_truncf, truncf}, {"floorf", q_floorf, floorf},
	           {"ceilf", q_ceilf, ceilf},    {"roundf", q_roundf, roundf},
	           {"rintf", q_rintf, rintf},    {"nearbyintf", q_nearbyintf, nearbyintf},
	           {"fabsf", q_fabsf, fabsf},    {"logbf", q_logbf, logbf}};
	struct {
		const char *name;
		float (*q)(float, float);
		float (*g)(float, float);
	} ex2[] = {{"fmodf", q_fmodf, fmodf},
	           {"remainderf", q_remainderf, remainderf},
	           {"copysignf", q_copysignf, copysignf},
	           {"nextafterf", q_nextafterf, nextafterf},
	           {"fmaxf", q_fmaxf, fmaxf},
	           {"fminf", q_fminf, fminf},
	           {"fdimf", q_fdimf, fdimf}};
	int bad = 0;
	for (long i = 0; i < 4 * n; i++) {
		float x = (i & 1) ? rbitsf() : urandf(-1e4f, 1e4f),
		      y = (i & 2) ? rbitsf() : urandf(-5, 5);
		for (size_t k = 0; k < sizeof(ex1) / sizeof(ex1[0]); k++) {
			float a = ex1[k].q(x), g = ex1[k].g(x);
			if (memcmp(&a, &g, 4) && !(isnan(a) && isnan(g)) && bad++ < 5)
				printf("  %s(%a) = %a, glibc %a\n", ex1[k].name, x, a, g);
		}
		for (size_t k = 0; k < sizeof(ex2) / sizeof(ex2[0]); k++) {
			float a = ex2[k].q(x, y), g = ex2[k].g(x, y);
			if (memcmp(&a, &g, 4) && !(isnan(a) && isnan(g)) && bad++ < 5)
				printf("  %s(%a, %a) = %a, glibc %a\n", ex2[k].name, x, y, a, g);
		}
		float z = (i & 4) ? rbitsf() : -x * y * urandf(0.99f, 1.01f);
		float a = q_fmaf(x, y, z), g = fmaf(x, y, z);
		if (memcmp(&a, &g, 4) && !(isnan(a) && isnan(g)) && bad++ < 5)
			printf("  fmaf(%a, %a, %a) = %a, glibc %a\n", x, y, z, a, g);
		int sc = (int)(rnd64() % 600) - 300, e1, e2;
		a = q_ldexpf(x, sc);
		g = ldexpf(x, sc);
		if (memcmp(&a, &g, 4) && bad++ < 5)
			printf("  ldexpf(%a, %d) = %a, glibc %a\n", x, sc, a, g);
		a = q_frexpf(x, &e1);
		g = frexpf(x, &e2);
		if ((memcmp(&a, &g, 4) || e1 != e2) && bad++ < 5)
			printf("  frexpf(%a)\n", x);
		if (q_ilogbf(x) != ilogbf(x) && bad++ < 5)
			printf("  ilogbf(%a)\n", x);
		if ((q_lrintf(x) != lrintf(x) || q_lroundf(x) != lroundf(x)) &&
		    fabsf(x) < 0x1p62f && bad++ < 5)
			printf("  lrintf/lroundf(%a)\n", x);
	}
	printf("exact float functions: %d mismatches with glibc\n", bad);
	ok &= bad == 0;
	printf("%s\n", ok ? "PASS" : "FAIL");
	return ok ? 0 : 1;
}
