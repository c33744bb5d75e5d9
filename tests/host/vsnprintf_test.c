/*
 * vsnprintf_test.c - kernel/lib/vsnprintf.c against glibc's snprintf.
 *
 * For the conversions the kernel's formatter documents (%d %i %u %x %X %o
 * %p %s %c %%, flags '-' '0' '#', width as a number or '*', precision for
 * %s as a number or '*', length modifiers hh h l ll z j t), every
 * combination of flags, width and length modifier is formatted for a set of
 * boundary values by both ksnprintf() and glibc, and the text and return
 * values must be identical. Truncation: for several formats, every buffer
 * size from 0 to past the full length, the kernel must write exactly what
 * glibc writes (a NUL-terminated prefix), return the full length, and touch
 * nothing outside the buffer (guard bytes on both sides).
 */
#include "check.h"

#include <limits.h>
#include <stdarg.h>
#include <stddef.h>

#include <skimmer/printk.h>

static char kb[512], gb[512];
static unsigned long compared;

/* Compares the two results of one format; prints the difference. */
static bool same(int kr, int gr, const char *fmt, const char *what)
{
	compared++;
	bool ok =
	        kr == gr && kr >= 0 && kr < (int)sizeof(kb) && memcmp(kb, gb, (size_t)kr + 1) == 0;
	if (!check_report(ok, __FILE__, __LINE__, "ksnprintf == snprintf"))
		printf("  format \"%s\" (%s): kernel %d \"%s\", glibc %d \"%s\"\n", fmt, what, kr,
		       kb, gr, gb);
	return ok;
}

/* Both formatters on one literal format (checked by -Wformat). */
#define BOTH(fmt, ...)                                    \
	same(ksnprintf(kb, sizeof(kb), fmt, __VA_ARGS__), \
	     snprintf(gb, sizeof(gb), fmt, __VA_ARGS__), fmt, #__VA_ARGS__)

enum lenmod { HH, H, NONE, L, LL, Z, J, T, NLEN };
static const char *const lenstr[NLEN] = {"hh", "h", "", "l", "ll", "z", "j", "t"};

/* Formats 'v' with a runtime format, passing the argument type the length modifier names. */
static void cmp_int(const char *fmt, enum lenmod lm, bool star, int w, int64_t v)
{
	int kr, gr;
	char what[64];

	snprintf(what, sizeof(what), "w=%d v=%" PRId64, w, v);
#define RUN(type)                                                        \
	do {                                                             \
		if (star) {                                              \
			kr = ksnprintf(kb, sizeof(kb), fmt, w, (type)v); \
			gr = snprintf(gb, sizeof(gb), fmt, w, (type)v);  \
		} else {                                                 \
			kr = ksnprintf(kb, sizeof(kb), fmt, (type)v);    \
			gr = snprintf(gb, sizeof(gb), fmt, (type)v);     \
		}                                                        \
	} while (0)
	switch (lm) {
	case HH:
	case H:
	case NONE:
		RUN(int);
		break;
	case L:
		RUN(long);
		break;
	case LL:
		RUN(long long);
		break;
	case Z:
		RUN(size_t);
		break;
	case J:
		RUN(intmax_t);
		break;
	default:
		RUN(ptrdiff_t);
		break;
	}
#undef RUN
	same(kr, gr, fmt, what);
}

static void test_integers(void)
{
	static const int64_t values[] = {0,
	                                 1,
	                                 -1,
	                                 7,
	                                 8,
	                                 9,
	                                 10,
	                                 15,
	                                 16,
	                                 42,
	                                 127,
	                                 128,
	                                 -128,
	                                 -129,
	                                 255,
	                                 256,
	                                 32767,
	                                 32768,
	                                 -32769,
	                                 65535,
	                                 65536,
	                                 1000000007,
	                                 INT_MAX,
	                                 INT_MIN,
	                                 UINT_MAX,
	                                 0x80000000LL,
	                                 0x123456789abcdef0LL,
	                                 -0x123456789LL,
	                                 INT64_MAX,
	                                 INT64_MIN,
	                                 (int64_t)UINT64_MAX - 1};
	static const char *const flagsets[] = {"",   "-",  "0",   "#",  "-0",
	                                       "-#", "0#", "-0#", "00", "--"};
	static const char *const widths[] = {"", "1", "2", "5", "12", "25", "47", "48", "60", "*"};
	static const int starw[] = {0, 7, -9, 30, 70};
	char fmt[32];

	check_phase("integer conversions");
	for (const char *c = "diuxXo"; *c; c++)
		for (size_t f = 0; f < sizeof(flagsets) / sizeof(flagsets[0]); f++) {
			if (strchr(flagsets[f], '#') && strchr("diu", *c))
				continue; /* '#' is undefined for d, i and u */
			for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
				for (int lm = 0; lm < NLEN; lm++) {
					snprintf(fmt, sizeof(fmt), "[%%%s%s%s%c]", flagsets[f],
					         widths[w], lenstr[lm], *c);
					bool star = widths[w][0] == '*';
					for (size_t s = 0; s < (star ? 5u : 1u); s++)
						for (size_t v = 0;
						     v < sizeof(values) / sizeof(values[0]); v++)
							cmp_int(fmt, (enum lenmod)lm, star,
							        starw[s], values[v]);
				}
		}

	/* A few written out, so -Wformat checks them too. */
	BOTH("%d %i %u %x %X %o", 1, -2, 3u, 0xabu, 0xcdu, 8u);
	BOTH("%ld %lu %lx %lo", LONG_MIN, ULONG_MAX, ULONG_MAX, ULONG_MAX);
	BOTH("%lld %llu %llX", LLONG_MIN, ULLONG_MAX, 0xdeadbeefcafeULL);
	BOTH("%hd %hu %hx %hhd %hhu %hhx", 70000, 70000, 70000, 300, 300, 300);
	BOTH("%zu %zx %zd %jd %ju %td", (size_t)-1, (size_t)12345, (ssize_t)-5, INTMAX_MIN,
	     UINTMAX_MAX, (ptrdiff_t)-77);
	BOTH("%#x %#X %#o %#x %#o", 255u, 255u, 8u, 0u, 0u);
	BOTH("%08d|%-8d|%08x|%#010x|%-#10o|", -42, -42, 0xbeefu, 0xbeefu, 8u);
	BOTH("%*d|%-*d|%*d|", 6, 5, 6, 5, -6, 5);
	BOTH("%0*x|%0*d", 12, 0xabcu, -12, 42);
	BOTH("%064lx|%-64lx|%#070lx", 1ul, 1ul, 0xfffful);
}

static void test_strings(void)
{
	static const char *const strs[] = {"", "a", "hello", "tab\there",
	                                   "a string longer than the widths tried below, "
	                                   "with more than sixty characters in it"};
	static const char *const specs[] = {"%s",   "%10s",    "%-10s", "%.0s",   "%.1s",
	                                    "%.3s", "%.99s",   "%8.3s", "%-8.3s", "%1s",
	                                    "%70s", "%-70.5s", "%.s",   "%--4s",  "%-1s"};
	static const int precs[] = {-5, -1, 0, 1, 3, 100};
	static const int widths[] = {-12, -1, 0, 1, 4, 66};
	char what[32];

	check_phase("strings");
	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		for (size_t k = 0; k < sizeof(specs) / sizeof(specs[0]); k++)
			same(ksnprintf(kb, sizeof(kb), specs[k], strs[i]),
			     snprintf(gb, sizeof(gb), specs[k], strs[i]), specs[k], strs[i]);
		for (size_t p = 0; p < sizeof(precs) / sizeof(precs[0]); p++)
			for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
				snprintf(what, sizeof(what), "w=%d p=%d", widths[w], precs[p]);
				same(ksnprintf(kb, sizeof(kb), "[%*.*s]", widths[w], precs[p],
				               strs[i]),
				     snprintf(gb, sizeof(gb), "[%*.*s]", widths[w], precs[p],
				              strs[i]),
				     "[%*.*s]", what);
				same(ksnprintf(kb, sizeof(kb), "[%-*s]", widths[w], strs[i]),
				     snprintf(gb, sizeof(gb), "[%-*s]", widths[w], strs[i]),
				     "[%-*s]", what);
				same(ksnprintf(kb, sizeof(kb), "[%.*s]", precs[p], strs[i]),
				     snprintf(gb, sizeof(gb), "[%.*s]", precs[p], strs[i]),
				     "[%.*s]", what);
			}
	}
	/* A precision may end the read before a NUL: the source need not be terminated. */
	static const char raw[3] = {'x', 'y', 'z'};
	CHECK_IEQ(ksnprintf(kb, sizeof(kb), "%.3s|", raw), 4);
	CHECK_STREQ(kb, "xyz|");
	const char *volatile nul = NULL;
	CHECK_IEQ(ksnprintf(kb, sizeof(kb), "%s|%8s", nul, nul), 15);
	CHECK_STREQ(kb, "(null)|  (null)");

	check_phase("characters");
	static const int chars[] = {'A', ' ', '%', 0x7f, 0xe9, -3};
	for (size_t i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
		BOTH("[%c]", chars[i]);
		BOTH("[%5c]", chars[i]);
		BOTH("[%-5c]", chars[i]);
		BOTH("[%*c]", -3, chars[i]);
		BOTH("%c%c%c", chars[i], chars[i], 'z');
	}
	/* %c of 0 puts a NUL into the output, which counts. */
	int kr = ksnprintf(kb, sizeof(kb), "a%cb", 0), gr = snprintf(gb, sizeof(gb), "a%cb", 0);
	CHECK(kr == 3 && gr == 3 && memcmp(kb, gb, 4) == 0);

	check_phase("pointers and percent");
	int local;
	void *ptrs[] = {(void *)1, (void *)0x1234, &local, (void *)test_strings,
	                (void *)UINTPTR_MAX};
	for (size_t i = 0; i < sizeof(ptrs) / sizeof(ptrs[0]); i++) {
		BOTH("%p", ptrs[i]);
		BOTH("[%20p]", ptrs[i]);
		BOTH("[%-20p]", ptrs[i]);
		BOTH("[%*p]", 3, ptrs[i]);
	}
	/* NULL: glibc writes "(nil)"; the kernel keeps the 0x form. */
	void *volatile np = NULL;
	CHECK_IEQ(ksnprintf(kb, sizeof(kb), "%p", np), 3);
	CHECK_STREQ(kb, "0x0");
	BOTH("%%%s", "");
	BOTH("100%% %d%%", 5);
	BOTH("%s", "no conversions at all");
	BOTH("%s%d%s", "", 0, "");
	BOTH("a%sb%dc%xd%%e%cf%ug%pi", "str", -9, 0x9u, 'q', 77u, (void *)0x99);

	check_phase("format ending in %");
	const char *volatile endfmt = "abc%";
	CHECK_IEQ(ksnprintf(kb, sizeof(kb), endfmt, 0), 3);
	CHECK_STREQ(kb, "abc");
	endfmt = "%-08";
	CHECK_IEQ(ksnprintf(kb, sizeof(kb), endfmt, 0), 0);
	CHECK_STREQ(kb, "");
}

/* kvsnprintf through a va_list, as kprintf uses it. */
static int kv(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Every size 0..full+3 for one format: same bytes as glibc, full length, guards intact. */
#define TRUNC(fmt, ...)                                                                         \
	do {                                                                                    \
		char full[256], g[300], k[300];                                                 \
		int n = snprintf(full, sizeof(full), fmt, __VA_ARGS__);                         \
		for (size_t size = 0; size <= (size_t)n + 3; size++) {                          \
			memset(k, 0xa5, sizeof(k));                                             \
			memset(g, 0xa5, sizeof(g));                                             \
			int kr = kv(k + 8, size, fmt, __VA_ARGS__);                             \
			int gr = snprintf(g + 8, size, fmt, __VA_ARGS__);                       \
			bool ok = kr == n && gr == n && memcmp(k, g, sizeof(k)) == 0;           \
			if (size > 0)                                                           \
				ok = ok &&                                                      \
				     k[8 + (size - 1 < (size_t)n ? size - 1 : (size_t)n)] == 0; \
			if (!check_report(ok, __FILE__, __LINE__, "truncation of " fmt))        \
				printf("  size %zu: returned %d\n", size, kr);                  \
		}                                                                               \
		CHECK_IEQ(ksnprintf(NULL, 0, fmt, __VA_ARGS__), n);                             \
	} while (0)

static void test_truncation(void)
{
	check_phase("truncation");
	TRUNC("%s", "");
	TRUNC("%s", "x");
	TRUNC("%s=%d 0x%08lx [%-6s] %c%%", "key", -12345, 0xabcdeful, "ab", 'Z');
	TRUNC("%20p|%-#12o|%*d", (void *)0xfeed, 0777u, -9, 3);
	TRUNC("%.3s%5c%llu", "truncated", 'c', ULLONG_MAX);
	TRUNC("%070d", -1);
	TRUNC("plain text without conversions %s", "");
}

int main(void)
{
	check_timeout(60);
	test_integers();
	test_strings();
	test_truncation();
	printf("vsnprintf: %lu outputs compared with glibc\n", compared);
	return check_done("vsnprintf_test");
}
