/*
 * test_strtod.c - strtod/strtof/strtold of QSOE libc: bit-exact against
 * glibc's correctly rounded strtod/strtof, and against libquadmath's
 * strtoflt128 for long double (IEEE binary128 on QSOE).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <float.h>
#include <math.h>
#include <quadmath.h>
#include <string.h>
#include "qtest.h"

double q_strtod(const char *, char **);
float q_strtof(const char *, char **);
__float128 q_strtold(const char *, char **);
double q_atof(const char *);

static long ncases;

/* Compare q_strtod with glibc on s: value bits, end pointer and ERANGE. */
static void cmp_d(const char *s)
{
	char *e1, *e2;
	errno = 0;
	q_errno = 0;
	double a = q_strtod(s, &e1);
	int qe = q_errno;
	double b = strtod(s, &e2);
	int ge = errno;
	uint64_t ua, ub;
	memcpy(&ua, &a, 8);
	memcpy(&ub, &b, 8);
	ncases++;
	CHECK(ua == ub && e1 == e2, "strtod(\"%.80s\") = %a (end +%ld), glibc %a (end +%ld)", s, a,
	      (long)(e1 - s), b, (long)(e2 - s));
	CHECK((qe == QE_RANGE) == (ge == ERANGE), "strtod(\"%.80s\") errno %d, glibc %d", s, qe,
	      ge);
}

static void cmp_f(const char *s)
{
	char *e1, *e2;
	errno = 0;
	q_errno = 0;
	float a = q_strtof(s, &e1);
	int qe = q_errno;
	float b = strtof(s, &e2);
	int ge = errno;
	uint32_t ua, ub;
	memcpy(&ua, &a, 4);
	memcpy(&ub, &b, 4);
	ncases++;
	CHECK(ua == ub && e1 == e2, "strtof(\"%.80s\") = %a, glibc %a", s, (double)a, (double)b);
	CHECK((qe == QE_RANGE) == (ge == ERANGE), "strtof(\"%.80s\") errno %d, glibc %d", s, qe,
	      ge);
}

static void cmp_ld(const char *s)
{
	char *e1, *e2;
	q_errno = 0;
	__float128 a = q_strtold(s, &e1);
	__float128 b = strtoflt128(s, &e2);
	unsigned __int128 ua, ub;
	memcpy(&ua, &a, 16);
	memcpy(&ub, &b, 16);
	ncases++;
	if (isnanq(a) && isnanq(b))
		ua = ub; /* strtoflt128 drops the sign of "-nan"; glibc's strtod keeps it (so do we) */
	if (ua != ub || e1 != e2) {
		char x[64], y[64];
		quadmath_snprintf(x, sizeof(x), "%Qa", a);
		quadmath_snprintf(y, sizeof(y), "%Qa", b);
		CHECK(0, "strtold(\"%.80s\") = %s (end +%ld), quadmath %s (end +%ld)", s, x,
		      (long)(e1 - s), y, (long)(e2 - s));
	} else {
		CHECK(1, "ok");
	}
}

static double rand_double(void)
{
	for (;;) {
		uint64_t u = qt_rand();
		double d;
		memcpy(&d, &u, 8);
		if (isfinite(d))
			return d;
	}
}

static float rand_float(void)
{
	for (;;) {
		uint32_t u = (uint32_t)qt_rand();
		float f;
		memcpy(&f, &u, 4);
		if (isfinite(f))
			return f;
	}
}

static void fixed_cases(void)
{
	static const char *cases[] = {
	        "0",
	        "-0",
	        "+0",
	        "0.0",
	        ".0",
	        "0.",
	        ".",
	        "-",
	        "+",
	        "",
	        "   12",
	        "\t\n-3.5e2x",
	        "1e",
	        "1e+",
	        "1e-",
	        "1e+5",
	        "1E5",
	        "1.5e-3",
	        "123456789012345678901234567890",
	        "0.1",
	        "0.2",
	        "0.3",
	        "1.7976931348623157e308",
	        "1.7976931348623158e308",
	        "1.7976931348623159e308",
	        "1e308",
	        "1e309",
	        "-1e309",
	        "2.2250738585072014e-308",
	        "2.2250738585072011e-308",
	        "2.2250738585072012e-308",
	        "4.9406564584124654e-324",
	        "2.4703282292062327e-324",
	        "2.4703282292062328e-324",
	        "2.4703282292062329e-324",
	        "1e-324",
	        "1e-400",
	        "5e-324",
	        "3e-324",
	        "7e-324",
	        "9007199254740993",
	        "9007199254740992.5",
	        "9007199254740993.0001",
	        "inf",
	        "INF",
	        "-Inf",
	        "infinity",
	        "Infinityx",
	        "infin",
	        "nan",
	        "NaN",
	        "-nan",
	        "nan()",
	        "nan(123)",
	        "nan(0x7)",
	        "nan(abc",
	        "nanx",
	        "0x",
	        "0x.",
	        "0x.p1",
	        "0X1P-2",
	        "0x1.8p3",
	        "0x1p-1074",
	        "0x1p-1075",
	        "0x1.0000000000001p-1075",
	        "0x1p1024",
	        "0x1.fffffffffffff8p1023",
	        "0x1.fffffffffffff7ffffp1023",
	        "0x123456789abcdef0123456789p-10",
	        "-0x0p+0",
	        "0x1p",
	        "0x1p+",
	        "1.e5",
	        "00000001.5",
	        "0.0000000000000000000000000000000000000001",
	        "1e-2147483648",
	        "1e2147483647",
	        "1e99999999999999999999",
	        "1e-99999999999999999999",
	        "0e99999999999",
	        "0.000e-99999",
	        "12.34.56",
	        "1_000",
	        "0x1.8",
	        "0x.8p1",
	        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509"
	        "46649"
	        "0179775872070963302864166928879109465555478519404026306574886715058206819089020007"
	        "08383"
	        "6762738548458177115317644757302700698555713669596228429148198608349364752927190741"
	        "68444"
	        "365510704342711559699508093042880177904174497791.9999999999",
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		cmp_d(cases[i]);
		cmp_f(cases[i]);
		cmp_ld(cases[i]);
	}
}

static void random_doubles(void)
{
	char buf[1200];
	for (int i = 0; i < 20000; i++) {
		double d = rand_double();
		snprintf(buf, sizeof(buf), "%.17g", d);
		cmp_d(buf);
		snprintf(buf, sizeof(buf), "%a", d);
		cmp_d(buf);
		snprintf(buf, sizeof(buf), "%.*e", (int)(qt_rand() % 25), d);
		cmp_d(buf);
		/* Short round numbers in a modest range (the fast path). */
		snprintf(buf, sizeof(buf), "%.*g", 1 + (int)(qt_rand() % 15),
		         ldexp((double)(qt_rand() % 100000), (int)(qt_rand() % 80) - 40));
		cmp_d(buf);
	}
}

/* Exact midpoints between adjacent doubles, and the values just around them. */
static void halfway_doubles(void)
{
	char buf[1200];
	for (int i = 0; i < 3000; i++) {
		double d = fabs(rand_double());
		if (i % 3 == 0)
			d = ldexp(d, -(int)(qt_rand() % 1100)); /* many subnormals */
		double n = nextafter(d, INFINITY);
		if (!isfinite(n))
			continue;
		long double mid = ((long double)d + (long double)n) / 2; /* exact in x87 */
		snprintf(buf, sizeof(buf), "%.800Le", mid);
		cmp_d(buf);
		/* Bump the last nonzero digit up and down. */
		char *e = strchr(buf, 'e');
		char *p = e - 1;
		while (*p == '0')
			p--;
		if (*p > '0' && *p <= '9') {
			(*p)--;
			cmp_d(buf);
			(*p) += 2;
			if (*p <= '9')
				cmp_d(buf);
		}
	}
}

static void random_floats(void)
{
	char buf[400];
	for (int i = 0; i < 20000; i++) {
		float f = rand_float();
		snprintf(buf, sizeof(buf), "%.9g", f);
		cmp_f(buf);
		snprintf(buf, sizeof(buf), "%a", f);
		cmp_f(buf);
		float n = nextafterf(f, INFINITY);
		if (isfinite(n) && i % 4 == 0) {
			double mid = ((double)f + (double)n) / 2;
			snprintf(buf, sizeof(buf), "%.200e", mid);
			cmp_f(buf);
			cmp_d(buf);
		}
	}
}

static void random_ldoubles(void)
{
	char buf[400];
	for (int i = 0; i < 4000; i++) {
		unsigned __int128 u = (unsigned __int128)qt_rand() << 64 | qt_rand();
		__float128 x;
		memcpy(&x, &u, 16);
		if (isinfq(x) || isnanq(x))
			continue;
		quadmath_snprintf(buf, sizeof(buf), "%.36Qg", x);
		cmp_ld(buf);
		quadmath_snprintf(buf, sizeof(buf), "%Qa", x);
		cmp_ld(buf);
		/* Random decimal strings of 30..70 digits around the boundaries. */
		int nd = 30 + (int)(qt_rand() % 40), k = 0;
		buf[k++] = (char)('1' + qt_rand() % 9);
		buf[k++] = '.';
		for (int j = 0; j < nd; j++)
			buf[k++] = (char)('0' + qt_rand() % 10);
		snprintf(buf + k, 20, "e%d", (int)(qt_rand() % 9900) - 4950);
		cmp_ld(buf);
	}
}

/* Inputs far longer than any double needs: 10,000+ digits. */
static void long_inputs(void)
{
	static char buf[30000];
	for (int i = 0; i < 60; i++) {
		int nd = 10000 + (int)(qt_rand() % 5000), k = 0;
		if (i % 2)
			buf[k++] = '-';
		if (i % 3 == 0) {
			buf[k++] = '0';
			buf[k++] = '.';
			for (int j = 0; j < (int)(qt_rand() % 400); j++)
				buf[k++] = '0';
		}
		for (int j = 0; j < nd; j++)
			buf[k++] = (char)('0' + (j == 0 ? 1 + qt_rand() % 9 : qt_rand() % 10));
		if (i % 5 == 1) /* many trailing zeros after a halfway-looking prefix */
			memset(buf + k - 3000, '0', 3000);
		sprintf(buf + k, "e-%d", (int)(qt_rand() % 10400));
		cmp_d(buf);
		cmp_f(buf);
		if (i % 6 == 0)
			cmp_ld(buf);
	}
	/* An exact halfway point padded with 10,000 zeros, then a trailing 1. */
	double d = 1.0, n = nextafter(d, 2.0);
	long double mid = ((long double)d + n) / 2;
	int k = snprintf(buf, sizeof(buf), "%.60Lf", mid);
	memset(buf + k, '0', 10000);
	buf[k + 10000] = 0;
	cmp_d(buf);
	buf[k + 10000] = '1';
	buf[k + 10001] = 0;
	cmp_d(buf);
	CHECK(q_atof("  2.5e1") == 25.0, "atof");
}

int main(void)
{
	fixed_cases();
	random_doubles();
	halfway_doubles();
	random_floats();
	random_ldoubles();
	long_inputs();
	printf("strtod cases compared: %ld\n", ncases);
	return qt_done("libc-strtod");
}
