/*
 * test_scanf.c - the scanf family of QSOE libc against glibc's sscanf:
 * generated inputs for every conversion, widths, suppression, %n, scan
 * sets, %m allocation, positional arguments, return values and EOF.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>
#include "qtest.h"

int q_sscanf(const char *, const char *, ...);
void q_free(void *);

static long ncases;

#define N 4
/* Compare integer scans of one conversion into 4 long long slots. */
static void cmp_ll(const char *in, const char *fmt)
{
	long long a[N] = {0}, b[N] = {0};
	int n1 = q_sscanf(in, fmt, &a[0], &a[1], &a[2], &a[3]);
	int n2 = sscanf(in, fmt, &b[0], &b[1], &b[2], &b[3]);
	ncases++;
	/*
	 * C11 7.21.6.2p16: EOF only if input fails before the first conversion
	 * completed; a suppressed %*d that completed counts. glibc returns EOF.
	 */
	if (!strncmp(fmt, "%*", 2) && n2 == EOF && n1 == 0)
		n2 = 0;
	CHECK(n1 == n2 && !memcmp(a, b, sizeof(a)),
	      "sscanf(\"%s\", \"%s\") = %d [%lld %lld], glibc %d [%lld %lld]", in, fmt, n1, a[0],
	      a[1], n2, b[0], b[1]);
}

static void ints(void)
{
	static const char *inputs[] = {"0",
	                               "-0",
	                               "42",
	                               "  -17",
	                               "+9",
	                               "0x1f",
	                               "0X",
	                               "0xg",
	                               "077",
	                               "08",
	                               "123abc",
	                               "abc",
	                               "",
	                               "   ",
	                               "-",
	                               "+",
	                               "9223372036854775807",
	                               "9223372036854775808",
	                               "-9223372036854775809",
	                               "18446744073709551615",
	                               "1 2 3 4",
	                               "1,2",
	                               "0x",
	                               "00x1",
	                               "-0x8000000000000000",
	                               "12 0x10 010 -3"};
	static const char *fmts[] = {"%lld",
	                             "%lli",
	                             "%llx",
	                             "%llo",
	                             "%llu",
	                             "%3lld",
	                             "%1lld",
	                             "%2llx",
	                             "%*lld %lld",
	                             "%lld %lld %lld %lld",
	                             "%lli %lli %lli %lli",
	                             "%llX",
	                             "%4lli"};
	for (size_t i = 0; i < sizeof(inputs) / sizeof(*inputs); i++)
		for (size_t j = 0; j < sizeof(fmts) / sizeof(*fmts); j++)
			cmp_ll(inputs[i], fmts[j]);
	char in[64];
	for (int i = 0; i < 5000; i++) {
		long long v = (long long)qt_rand() >> (qt_rand() % 64);
		static const char *pf[] = {"%lld", "%llx", "%#llx", "%llo", "%#llo", "%+lld"};
		static const char *sf[] = {"%lld", "%llx", "%lli", "%llo", "%lli", "%lld"};
		int k = (int)(qt_rand() % 6);
		snprintf(in, sizeof(in), pf[k], v);
		cmp_ll(in, sf[k]);
		cmp_ll(in, "%lli");
	}
	/* Narrow types truncate like glibc. */
	signed char c1, c2;
	short s1, s2;
	int i1, i2;
	ncases++;
	CHECK(q_sscanf("300 70000 99999999999", "%hhd %hd %d", &c1, &s1, &i1) ==
	                      sscanf("300 70000 99999999999", "%hhd %hd %d", &c2, &s2, &i2) &&
	              c1 == c2 && s1 == s2 && i1 == i2,
	      "narrow integers %d/%d %d/%d %d/%d", c1, c2, s1, s2, i1, i2);
	void *p1 = NULL, *p2 = NULL;
	snprintf(in, sizeof(in), "%p", (void *)&i1);
	CHECK(q_sscanf(in, "%p", &p1) == 1 && sscanf(in, "%p", &p2) == 1 && p1 == p2, "%%p");
}

static void floats(void)
{
	char in[128];
	for (int i = 0; i < 20000; i++) {
		uint64_t u = qt_rand();
		double d;
		memcpy(&d, &u, 8);
		if (!isfinite(d))
			continue;
		static const char *pf[] = {"%.17g", "%a", "%.3e", "%f", "%.10g"};
		snprintf(in, sizeof(in), pf[qt_rand() % 5], d);
		double a = 0, b = 0;
		float fa = 0, fb = 0;
		int n1 = q_sscanf(in, "%lf", &a), n2 = sscanf(in, "%lf", &b);
		ncases++;
		CHECK(n1 == n2 && !memcmp(&a, &b, 8), "%%lf of \"%s\"", in);
		n1 = q_sscanf(in, "%f", &fa);
		n2 = sscanf(in, "%f", &fb);
		ncases++;
		CHECK(n1 == n2 && !memcmp(&fa, &fb, 4), "%%f of \"%s\"", in);
	}
	static const char *edge[] = {"inf",    "-INFINITY", "nan",     "nan(123)", "1e",
	                             "1e+",    ".",         "-.5",     "0x1p3",    "0x",
	                             "1.5e3x", "  3.25",    "infinit", "na",       "1e999",
	                             "1e-999", "+.e1",      "0x.8p1",  "12.34.56"};
	for (size_t i = 0; i < sizeof(edge) / sizeof(*edge); i++) {
		double a = -1, b = -1;
		int na = 0, nb = 0;
		int n1 = q_sscanf(edge[i], "%lf%n", &a, &na),
		    n2 = sscanf(edge[i], "%lf%n", &b, &nb);
		ncases++;
		/*
		 * Where glibc departs from C11 7.21.6.2: it accepts "1e"/"1e+" as 1
		 * (C: the longest prefix "1e" is not a number: matching failure)
		 * and stops "nan(123)" after "nan" (C allows the n-char sequence).
		 */
		if ((!strcmp(edge[i], "1e") || !strcmp(edge[i], "1e+")) && n1 == 0 && n2 == 1)
			n2 = 0, b = a, nb = na;
		if (!strcmp(edge[i], "nan(123)") && na == 8 && nb == 3)
			nb = na;
		CHECK(n1 == n2 && (!memcmp(&a, &b, 8) || (isnan(a) && isnan(b))) && na == nb,
		      "%%lf edge \"%s\": %d %g n=%d, glibc %d %g n=%d", edge[i], n1, a, na, n2, b,
		      nb);
	}
	double w1 = 0, w2 = 0;
	CHECK(q_sscanf("3.14159", "%4lf", &w1) == 1 && sscanf("3.14159", "%4lf", &w2) == 1 &&
	              w1 == w2,
	      "width on floats");
	__float128 q = 0;
	CHECK(q_sscanf("1.000000000000000000000000000000001", "%Lf", &q) == 1 && q > 1,
	      "%%Lf binary128");
	/* A 10,000-digit number through scanf. */
	static char big[12000];
	memset(big, '7', 10000);
	strcpy(big + 10000, "e-9990");
	double a = 0, b = 0;
	CHECK(q_sscanf(big, "%lf", &a) == 1 && sscanf(big, "%lf", &b) == 1 && a == b,
	      "10000 digits: %g %g", a, b);
}

static void strs(void)
{
	static const char *inputs[] = {"hello world", "  lead",    "a,b;c",     "",   "  ",
	                               "]x",          "abc123def", "tab\there", "xyz"};
	static const char *fmts[] = {"%s",    "%3s",    "%c",    "%5c",       "%[a-z]", "%[^,;]",
	                             "%[]x]", "%*s %s", "%2c%s", "%[^0-9]%d", "%[abc]", "%[a-]"};
	for (size_t i = 0; i < sizeof(inputs) / sizeof(*inputs); i++)
		for (size_t j = 0; j < sizeof(fmts) / sizeof(*fmts); j++) {
			char a1[64], a2[64], b1[64], b2[64];
			memset(a1, 1, sizeof(a1));
			memset(a2, 1, sizeof(a2));
			memset(b1, 1, sizeof(b1));
			memset(b2, 1, sizeof(b2));
			int x1 = 0, x2 = 0;
			int n1 = q_sscanf(inputs[i], fmts[j], a1, b1, &x1);
			int n2 = sscanf(inputs[i], fmts[j], a2, b2, &x2);
			ncases++;
			/* C: a completed %*s counts as a conversion (glibc returns EOF); a
			 * short %5c is a matching failure (glibc assigns the partial field). */
			if (!strncmp(fmts[j], "%*", 2) && n2 == EOF && n1 == 0)
				n2 = 0;
			if (!strcmp(fmts[j], "%5c") && n2 == 1 && n1 == 0 &&
			    strlen(inputs[i]) < 5) {
				n2 = 0;
				memcpy(a2, a1, sizeof(a2));
			}
			CHECK(n1 == n2 && !memcmp(a1, a2, sizeof(a1)) &&
			              !memcmp(b1, b2, sizeof(b1)) && x1 == x2,
			      "sscanf(\"%s\", \"%s\") = %d, glibc %d", inputs[i], fmts[j], n1, n2);
		}
	char *m1 = NULL, *m2 = NULL;
	int n1 = q_sscanf("allocated string", "%ms", &m1);
	int n2 = sscanf("allocated string", "%ms", &m2);
	CHECK(n1 == 1 && n2 == 1 && !strcmp(m1, m2), "%%ms");
	q_free(m1);
	free(m2);
	m1 = NULL;
	CHECK(q_sscanf("abc]", "%m[a-c]", &m1) == 1 && !strcmp(m1, "abc"), "%%m[");
	q_free(m1);
}

static void misc(void)
{
	int a = -1, b = -1, n = -1;
	CHECK(q_sscanf("", "%d", &a) == EOF && sscanf("", "%d", &b) == EOF, "EOF on empty input");
	CHECK(q_sscanf("   ", "%d", &a) == EOF, "EOF on white space");
	CHECK(q_sscanf("x", "%d", &a) == 0, "matching failure returns 0");
	CHECK(q_sscanf("12 34", "%d%n %d", &a, &n, &b) == 2 && a == 12 && n == 2 && b == 34, "%%n");
	CHECK(q_sscanf("7 8", "%2$d %1$d", &a, &b) == 2 && a == 8 && b == 7, "positional");
	CHECK(q_sscanf("100%", "%d%%", &a) == 1 && a == 100, "%%%%");
	CHECK(q_sscanf("abc", "abd") == 0 && q_sscanf("abc", "ab%n", &n) == 0 && n == 2,
	      "literals");
	CHECK(q_sscanf("a b", "a%*[ ]b%n", &n) == 0 && n == 3, "suppressed scan set");
	wchar_t w[8];
	CHECK(q_sscanf("wide", "%ls", w) == 1 && w[0] == L'w' && w[3] == L'e' && w[4] == 0, "%%ls");
	/* The C standard's example: "100ergs" fails for %f ("100e" is consumed). */
	float f1 = 0;
	char rest[16] = "";
	int r = q_sscanf("100ergs of energy", "%f%15s", &f1, rest);
	CHECK(r == 0, "100ergs: %d", r);
}

int main(void)
{
	ints();
	floats();
	strs();
	misc();
	printf("scanf cases compared with glibc: %ld\n", ncases);
	return qt_done("libc-scanf");
}
