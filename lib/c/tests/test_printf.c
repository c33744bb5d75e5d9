/*
 * test_printf.c - the printf family of QSOE libc against glibc, byte for
 * byte: generated cases over every conversion, flag combination, width,
 * precision ('*' too), length modifier and edge value; long double
 * (binary128) against libquadmath; positional arguments; and the errors
 * (EOVERFLOW for results beyond INT_MAX).
 */
#define _GNU_SOURCE
#pragma GCC diagnostic ignored "-Wformat-truncation"
#pragma GCC diagnostic ignored "-Wformat-overflow"
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <quadmath.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include "qtest.h"

int q_snprintf(char *, size_t, const char *, ...);
int q_sprintf(char *, const char *, ...);
int q_asprintf(char **, const char *, ...);
int q_dprintf(int, const char *, ...);
void q_free(void *);

static long ncases;
static char b1[20000], b2[20000];

/*
 * glibc bug: with '#', %g drops the zeros a rounding carry creates
 * ("%#.2g" of 99.5 gives "1.e+02"; C requires "1.0e+02"). Accept exactly
 * that difference: ours equals glibc's with zeros inserted after the point.
 */
static int glibc_hash_g_bug(const char *fmt, int r1, int r2)
{
	(void)r1;
	(void)r2;
	if (!strchr(fmt, '#') || !strpbrk(fmt, "gG"))
		return 0;
	/* The cores: without padding, sign and leading zeros. */
	const char *c1 = b1 + strspn(b1, " +-0"), *c2 = b2 + strspn(b2, " +-0");
	size_t l1 = strcspn(c1, " "), l2 = strcspn(c2, " ");
	const char *d1 = memchr(c1, '.', l1);
	if (!d1 || l1 <= l2)
		return 0;
	size_t extra = l1 - l2, pre = (size_t)(d1 - c1) + 1;
	for (size_t i = 0; i < extra; i++)
		if (d1[1 + i] != '0')
			return 0;
	return memcmp(c1, c2, pre) == 0 && memcmp(d1 + 1 + extra, c2 + pre, l2 - pre) == 0;
}

/* Compare the two results of the same format. */
static void same(const char *fmt, int r1, int r2)
{
	ncases++;
	if ((r1 != r2 || memcmp(b1, b2, (size_t)r1)) && glibc_hash_g_bug(fmt, r1, r2)) {
		CHECK(1, "known glibc difference");
		return;
	}
	CHECK(r1 == r2 && (r1 < 0 || memcmp(b1, b2, (size_t)r1 + 1) == 0),
	      "fmt \"%s\": qsoe %d \"%.200s\", glibc %d \"%.200s\"", fmt, r1, b1, r2, b2);
}

#define CMP(fmt, ...)                                           \
	same(fmt, q_snprintf(b1, sizeof(b1), fmt, __VA_ARGS__), \
	     snprintf(b2, sizeof(b2), fmt, __VA_ARGS__))

static const char *flagsets[] = {"",   "-",  "+",  " ",  "#",  "0",   "-+",  "+0",
                                 " 0", "#0", "-#", "+ ", "-0", "#+0", "- #", "+-0 #"};
static const char *widths[] = {"", "1", "3", "8", "25"};
static const char *precs[] = {"", ".", ".0", ".1", ".3", ".8", ".20"};

/* Build "%<flags><width><prec><len><conv>". */
static void mkfmt(char *f, const char *fl, const char *w, const char *p, const char *len, char c)
{
	sprintf(f, "%%%s%s%s%s%c", fl, w, p, len, c);
}

static void ints(void)
{
	static const long long vals[] = {0,
	                                 1,
	                                 -1,
	                                 7,
	                                 -7,
	                                 42,
	                                 127,
	                                 -128,
	                                 255,
	                                 32767,
	                                 -32768,
	                                 65535,
	                                 INT_MAX,
	                                 INT_MIN,
	                                 (long long)UINT_MAX,
	                                 LLONG_MAX,
	                                 LLONG_MIN,
	                                 123456789012LL,
	                                 -98765432109LL};
	static const char *lens[] = {"hh", "h", "", "l", "ll", "j", "z", "t"};
	static const char convs[] = "diouxX";
	char f[64];
	for (size_t c = 0; c < sizeof(convs) - 1; c++)
		for (size_t l = 0; l < 8; l++)
			for (size_t fl = 0; fl < sizeof(flagsets) / sizeof(*flagsets); fl++)
				for (size_t w = 0; w < 5; w++)
					for (size_t p = 0; p < 7; p++) {
						mkfmt(f, flagsets[fl], widths[w], precs[p], lens[l],
						      convs[c]);
						long long v = vals[(c * 7 + l * 3 + fl + w + p) %
						                   (sizeof(vals) / sizeof(*vals))];
						if (l <= 2)
							CMP(f, (int)v);
						else
							CMP(f, v);
					}
	/* Random values through every conversion. */
	for (int i = 0; i < 20000; i++) {
		long long v = (long long)qt_rand() >> (qt_rand() % 64);
		mkfmt(f, flagsets[qt_rand() % 16], widths[qt_rand() % 5], precs[qt_rand() % 7],
		      lens[3 + qt_rand() % 5], convs[qt_rand() % 6]);
		CMP(f, v);
	}
	/* '*' width and precision, negative ones included. */
	for (int i = 0; i < 2000; i++) {
		int w = (int)(qt_rand() % 41) - 20, p = (int)(qt_rand() % 31) - 10;
		int v = (int)qt_rand();
		CMP("%*.*d", w, p, v);
		CMP("%-*x|", w, v);
		CMP("%#*.*o", w, p, v);
		CMP("%0*d", w, v);
	}
}

static void chars_strings(void)
{
	char f[64];
	static const char *strs[] = {"",
	                             "a",
	                             "hello",
	                             "hello, world",
	                             "tab\there",
	                             "\xc3\xa9t\xc3\xa9",
	                             "a much longer string than any width here"};
	for (size_t fl = 0; fl < 16; fl++)
		for (size_t w = 0; w < 5; w++) {
			for (size_t p = 0; p < 7; p++)
				for (size_t s = 0; s < sizeof(strs) / sizeof(*strs); s++) {
					mkfmt(f, flagsets[fl][0] == '-' ? "-" : "", widths[w],
					      precs[p], "", 's');
					CMP(f, strs[s]);
				}
			mkfmt(f, flagsets[fl][0] == '-' ? "-" : "", widths[w], "", "", 'c');
			for (int c = 1; c < 256; c += 37)
				CMP(f, c);
		}
	CMP("%c%c%c", 'a', 0, 'b'); /* embedded NUL */
	{
		/* NULL strings print "(null)" as in glibc (passed through a variable). */
		const char *volatile np = NULL;
		CMP("%s|%5s|%-8s|%.2s", np, np, np, np);
	}
	CMP("%%|%c", 'x');
	int x = 5;
	void *ptrs[] = {&x, (void *)1, (void *)0xdeadbeef, (void *)UINTPTR_MAX, NULL};
	for (int i = 0; i < 5; i++) {
		CMP("%p", ptrs[i]);
		CMP("%20p|%-20p|", ptrs[i], ptrs[i]);
	}
	CMP("%ls|%5ls|%.2ls", L"abc", L"de", L"fgh");
	CMP("%lc|%3lc", (wint_t)'q', (wint_t)'r');
	q_errno = 2;
	errno = 2;
	CMP("%m %s", "x"); /* strerror(ENOENT) in both */
}

static double rdouble(void)
{
	for (;;) {
		uint64_t u = qt_rand();
		double d;
		memcpy(&d, &u, 8);
		if (isfinite(d))
			return d;
	}
}

static void floats(void)
{
	static const double vals[] = {0.0,
	                              -0.0,
	                              1.0,
	                              -1.0,
	                              0.1,
	                              0.5,
	                              1.5,
	                              2.5,
	                              -2.5,
	                              3.5,
	                              0.125,
	                              0.05,
	                              0.25,
	                              0.35,
	                              9.5,
	                              99.5,
	                              999.999,
	                              1e-5,
	                              1e-4,
	                              123456.789,
	                              1e15,
	                              1e16,
	                              1e17,
	                              1e21,
	                              1e22,
	                              1e23,
	                              5e-324,
	                              2.2250738585072014e-308,
	                              1.7976931348623157e308,
	                              3.0517578125e-05,
	                              0.0009765625,
	                              M_PI,
	                              -M_E,
	                              1.0 / 3,
	                              2.0 / 3,
	                              9.9999999,
	                              0.999999951};
	static const char convs[] = "eEfFgGaA";
	static const char *fprecs[] = {"",   ".0",  ".1",  ".2",  ".3",
	                               ".6", ".10", ".17", ".25", ".40"};
	char f[64];
	for (size_t c = 0; c < 8; c++)
		for (size_t fl = 0; fl < 16; fl++)
			for (size_t w = 0; w < 5; w++)
				for (size_t p = 0; p < 10; p++) {
					mkfmt(f, flagsets[fl], widths[w], fprecs[p], "", convs[c]);
					for (size_t v = (fl + w + p) % 4;
					     v < sizeof(vals) / sizeof(*vals); v += 4)
						CMP(f, vals[v]);
				}
	static const double special[] = {INFINITY, -INFINITY, NAN, -NAN};
	for (size_t c = 0; c < 8; c++)
		for (size_t fl = 0; fl < 16; fl++)
			for (size_t s = 0; s < 4; s++) {
				mkfmt(f, flagsets[fl], "8", "", "", convs[c]);
				CMP(f, special[s]);
			}
	/* Random doubles, random formats. */
	for (int i = 0; i < 40000; i++) {
		double d = rdouble();
		if (i % 3 == 0)
			d = ldexp((double)(qt_rand() % 100000) / 64, (int)(qt_rand() % 60) - 30);
		mkfmt(f, flagsets[qt_rand() % 16], widths[qt_rand() % 5], fprecs[qt_rand() % 10],
		      "", convs[qt_rand() % 8]);
		CMP(f, d);
	}
	/* Very long outputs: every digit of extreme values. */
	CMP("%.1000f", DBL_MAX);
	CMP("%.1100f", 5e-324);
	CMP("%.1100e", 5e-324);
	CMP("%.800g", 2.2250738585072014e-308);
	CMP("%.60a", 1.0 / 3);
	CMP("%.5000f", 0.1);
	CMP("%#.0f|%#.0e|%#.0g|%#.0a", 1.0, 1.0, 1.0, 1.0);
	/* Exact ties at many precisions: x.5 * 10^-p. */
	for (int p = 0; p < 10; p++)
		for (int k = 0; k < 40; k++) {
			double v = (k + 0.5) / (double)(1 << (p % 4));
			sprintf(f, "%%.%df", p);
			CMP(f, v);
			sprintf(f, "%%.%de", p);
			CMP(f, v);
		}
}

/* long double (binary128) against libquadmath, one conversion at a time. */
static void ldoubles(void)
{
	static const char convs[] = "eEfFgGaA";
	static const char *fprecs[] = {"", ".0", ".1", ".3", ".10", ".20", ".36", ".40"};
	char f[64], fq[64];
	for (int i = 0; i < 12000; i++) {
		__float128 x;
		if (i % 4 == 0) {
			x = (__float128)(qt_rand() % 1000000) / 1024;
		} else {
			unsigned __int128 u = (unsigned __int128)qt_rand() << 64 | qt_rand();
			memcpy(&x, &u, 16);
			if (isnanq(x))
				continue;
		}
		const char *fl = flagsets[qt_rand() % 16], *w = widths[qt_rand() % 5];
		const char *p = fprecs[qt_rand() % 8];
		char c = convs[qt_rand() % 8];
		mkfmt(f, fl, w, p, "L", c);
		mkfmt(fq, fl, w, p, "Q", c);
		int r1 = q_snprintf(b1, sizeof(b1), f, x);
		int r2 = quadmath_snprintf(b2, sizeof(b2), fq, x);
		same(f, r1, r2);
	}
	__float128 big = FLT128_MAX, tiny = FLT128_DENORM_MIN;
	same("%.100Lf max", q_snprintf(b1, sizeof(b1), "%.100Lf", big),
	     quadmath_snprintf(b2, sizeof(b2), "%.100Qf", big));
	same("%.12000Le min", q_snprintf(b1, sizeof(b1), "%.11600Le", tiny),
	     quadmath_snprintf(b2, sizeof(b2), "%.11600Qe", tiny));
	same("%La min", q_snprintf(b1, sizeof(b1), "%La", tiny),
	     quadmath_snprintf(b2, sizeof(b2), "%Qa", tiny));
}

static void positional_and_n(void)
{
	CMP("%2$s %1$d", 42, "x");
	CMP("%1$d %1$d %2$x", 7, 255);
	CMP("%3$*1$.*2$f|", 10, 3, 3.14159);
	CMP("%1$-*2$s|", "ab", 6);
	CMP("%2$lld %1$hhd %3$c", 300, 123456789012345LL, 'z');
	int n1 = 0, n2 = 0;
	signed char hh1 = 0, hh2 = 0;
	long long ll1 = 0, ll2 = 0;
	int r1 = q_snprintf(b1, sizeof(b1), "abc%n%5d%hhn%lln", &n1, 9, &hh1, &ll1);
	int r2 = snprintf(b2, sizeof(b2), "abc%n%5d%hhn%lln", &n2, 9, &hh2, &ll2);
	same("%n", r1, r2);
	CHECK(n1 == n2 && hh1 == hh2 && ll1 == ll2, "%%n values %d/%d", n1, n2);
	/* Truncation: the return value is the full length. */
	char small[8];
	CHECK(q_snprintf(small, sizeof(small), "%s", "0123456789") == 10 &&
	              strcmp(small, "0123456") == 0,
	      "snprintf truncates");
	CHECK(q_snprintf(NULL, 0, "%d", 12345) == 5, "snprintf(NULL, 0)");
	char *as = NULL;
	CHECK(q_asprintf(&as, "%s-%05d-%.3f", "ab", 42, 2.5) == 14 &&
	              strcmp(as, "ab-00042-2.500") == 0,
	      "asprintf '%s'", as ? as : "(null)");
	q_free(as);
	CHECK(q_sprintf(b1, "%d%s", 1, "two") == 4 && strcmp(b1, "1two") == 0, "sprintf");
}

static void bad_input(void)
{
	char small[16];
	q_errno = 0;
	/* The full output would be INT_MAX + 1 bytes: EOVERFLOW before producing it. */
	CHECK(q_snprintf(small, sizeof(small), "x%2147483647d", 1) == -1 && q_errno == QE_OVERFLOW,
	      "x%%2147483647d -> EOVERFLOW");
	q_errno = 0;
	CHECK(q_snprintf(small, sizeof(small), "%2147483648d", 1) == -1 && q_errno == QE_OVERFLOW,
	      "width beyond INT_MAX");
	q_errno = 0;
	CHECK(q_snprintf(small, sizeof(small), "%.2147483648f", 1.0) == -1 &&
	              q_errno == QE_OVERFLOW,
	      "precision beyond INT_MAX");
	/* Exactly INT_MAX bytes is representable (as in glibc), and counted without writing 2 GB. */
	CHECK(q_snprintf(small, sizeof(small), "%2147483647d", 1) == INT_MAX, "INT_MAX width");
	CHECK(q_snprintf(small, sizeof(small), "%*d", INT_MAX, 1) == INT_MAX, "* width INT_MAX");
	q_errno = 0;
	CHECK(q_snprintf(small, sizeof(small), "%*d%*d", INT_MAX, 1, 2, 2) == -1 &&
	              q_errno == QE_OVERFLOW,
	      "two fields past INT_MAX");
	q_errno = 0;
	CHECK(q_snprintf(small, sizeof(small), "%1$d %d", 1, 2) == -1 && q_errno == QE_INVAL,
	      "mixed positional and sequential");
	CHECK(q_snprintf(small, sizeof(small), "%lc", (wint_t)0x20ac) == -1 && q_errno == QE_ILSEQ,
	      "%%lc of a non-ASCII character in the C locale");
	int fds[2];
	if (pipe(fds) == 0) {
		CHECK(q_dprintf(fds[1], "%s %d\n", "fd", 5) == 5, "dprintf");
		char rb[16] = {0};
		CHECK(read(fds[0], rb, sizeof(rb)) == 5 && strcmp(rb, "fd 5\n") == 0,
		      "dprintf data");
		close(fds[0]);
		close(fds[1]);
	}
}

int main(void)
{
	ints();
	chars_strings();
	floats();
	ldoubles();
	positional_and_n();
	bad_input();
	printf("printf cases compared with glibc/libquadmath: %ld\n", ncases);
	return qt_done("libc-printf");
}
