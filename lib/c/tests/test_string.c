/*
 * test_string.c - string.h/strings.h/ctype.h of QSOE libc against glibc:
 * random lengths, alignments and contents, byte for byte.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <libgen.h>
#include <string.h>
#include <strings.h>
#include "qtest.h"

void *q_memcpy(void *, const void *, size_t);
void *q_mempcpy(void *, const void *, size_t);
void *q_memmove(void *, const void *, size_t);
void *q_memset(void *, int, size_t);
int q_memcmp(const void *, const void *, size_t);
void *q_memchr(const void *, int, size_t);
void *q_memrchr(const void *, int, size_t);
void *q_memccpy(void *, const void *, int, size_t);
void *q_memmem(const void *, size_t, const void *, size_t);
size_t q_strlen(const char *);
size_t q_strnlen(const char *, size_t);
char *q_strcpy(char *, const char *);
char *q_stpcpy(char *, const char *);
char *q_strncpy(char *, const char *, size_t);
char *q_stpncpy(char *, const char *, size_t);
size_t q_strlcpy(char *, const char *, size_t);
size_t q_strlcat(char *, const char *, size_t);
char *q_strcat(char *, const char *);
char *q_strncat(char *, const char *, size_t);
int q_strcmp(const char *, const char *);
int q_strncmp(const char *, const char *, size_t);
int q_strcasecmp(const char *, const char *);
int q_strncasecmp(const char *, const char *, size_t);
char *q_strchr(const char *, int);
char *q_strrchr(const char *, int);
char *q_strchrnul(const char *, int);
size_t q_strspn(const char *, const char *);
size_t q_strcspn(const char *, const char *);
char *q_strpbrk(const char *, const char *);
char *q_strstr(const char *, const char *);
char *q_strcasestr(const char *, const char *);
char *q_strtok_r(char *, const char *, char **);
char *q_strtok(char *, const char *);
char *q_strsep(char **, const char *);
char *q_strerror(int);
int q_strerror_r(int, char *, size_t);
char *q_strsignal(int);
int q_ffs(int);
int q_ffsl(long);
int q_ffsll(long long);
char *q_basename(char *);
char *q_dirname(char *);
size_t q_strxfrm(char *, const char *, size_t);
int q_isalnum(int), q_isalpha(int), q_isblank(int), q_iscntrl(int), q_isdigit(int);
int q_isgraph(int), q_islower(int), q_isprint(int), q_ispunct(int), q_isspace(int);
int q_isupper(int), q_isxdigit(int), q_tolower(int), q_toupper(int);

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Fill with random bytes from a small alphabet so matches happen. */
static void fill(unsigned char *p, size_t n, int alphabet)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(alphabet ? 'a' + qt_rand() % alphabet : 1 + qt_rand() % 255);
}

#define BUF 1200

static void test_mem(void)
{
	static unsigned char a[BUF + 64], b[BUF + 64], c[BUF + 64];

	for (int iter = 0; iter < 3000; iter++) {
		size_t n = qt_rand() % (iter < 1500 ? 40 : BUF);
		size_t sa = qt_rand() % 16, da = qt_rand() % 16;
		fill(a, sizeof(a), 0);
		fill(b, sizeof(b), 0);
		memcpy(c, b, sizeof(c));
		void *r = q_memcpy(b + da, a + sa, n);
		memcpy(c + da, a + sa, n);
		CHECK(r == b + da && memcmp(b, c, sizeof(b)) == 0, "memcpy n=%zu sa=%zu da=%zu", n,
		      sa, da);
		CHECK(q_mempcpy(b + da, a + sa, n) == b + da + n, "mempcpy");

		/* memmove with overlap in both directions */
		memcpy(b, a, sizeof(b));
		memcpy(c, a, sizeof(c));
		size_t m = n > BUF - 32 ? BUF - 32 : n;
		q_memmove(b + da, b + sa, m);
		memmove(c + da, c + sa, m);
		CHECK(memcmp(b, c, sizeof(b)) == 0, "memmove n=%zu sa=%zu da=%zu", m, sa, da);

		int v = (int)(qt_rand() % 256);
		memcpy(b, a, sizeof(b));
		memcpy(c, a, sizeof(c));
		CHECK(q_memset(b + da, v, n) == b + da, "memset ret");
		memset(c + da, v, n);
		CHECK(memcmp(b, c, sizeof(b)) == 0, "memset n=%zu", n);

		fill(a, sizeof(a), 3);
		memcpy(b, a, sizeof(b));
		if (n && qt_rand() % 2)
			b[sa + qt_rand() % n] ^= (unsigned char)(1 + qt_rand() % 255);
		CHECK(sign(q_memcmp(a + sa, b + sa, n)) == sign(memcmp(a + sa, b + sa, n)),
		      "memcmp n=%zu", n);
		CHECK(sign(q_memcmp(a + sa, b + da, n)) == sign(memcmp(a + sa, b + da, n)),
		      "memcmp misaligned n=%zu", n);

		int ch = 'a' + (int)(qt_rand() % 4);
		CHECK(q_memchr(a + sa, ch, n) == memchr(a + sa, ch, n), "memchr n=%zu", n);
		CHECK(q_memchr(a + sa, ch + 256, n) == memchr(a + sa, ch + 256, n), "memchr c>255");
		CHECK(q_memrchr(a + sa, ch, n) == memrchr(a + sa, ch, n), "memrchr n=%zu", n);
		memset(b, 0, sizeof(b));
		memset(c, 0, sizeof(c));
		char *r1 = q_memccpy(b, a + sa, ch, n), *r2 = memccpy(c, a + sa, ch, n);
		CHECK((r1 ? r1 - (char *)b : -1) == (r2 ? r2 - (char *)c : -1), "memccpy ret");
		CHECK(memcmp(b, c, sizeof(b)) == 0, "memccpy data");

		size_t nl = qt_rand() % 6;
		size_t off = n > nl ? qt_rand() % (n - nl + 1) : 0;
		const unsigned char *needle = qt_rand() % 2 && n >= nl ? a + sa + off : b;
		CHECK(q_memmem(a + sa, n, needle, nl) == memmem(a + sa, n, needle, nl),
		      "memmem n=%zu nl=%zu", n, nl);
	}
}

static void test_str(void)
{
	static char a[BUF + 64], b[BUF + 64], c[BUF + 64], d[BUF + 64];

	for (int iter = 0; iter < 3000; iter++) {
		size_t n = qt_rand() % (iter < 1500 ? 40 : BUF);
		size_t sa = qt_rand() % 16, da = qt_rand() % 16;
		fill((unsigned char *)a, sizeof(a), 0);
		a[sa + n] = 0;
		CHECK(q_strlen(a + sa) == n, "strlen n=%zu sa=%zu", n, sa);
		size_t mx = qt_rand() % (n + 3);
		CHECK(q_strnlen(a + sa, mx) == strnlen(a + sa, mx), "strnlen");

		fill((unsigned char *)b, sizeof(b), 0);
		memcpy(c, b, sizeof(c));
		CHECK(q_strcpy(b + da, a + sa) == b + da, "strcpy ret");
		strcpy(c + da, a + sa);
		CHECK(memcmp(b, c, sizeof(b)) == 0, "strcpy");
		CHECK(q_stpcpy(b + da, a + sa) == b + da + n, "stpcpy");
		size_t k = qt_rand() % (n + 10);
		q_strncpy(b + da, a + sa, k);
		strncpy(c + da, a + sa, k);
		CHECK(memcmp(b, c, sizeof(b)) == 0, "strncpy k=%zu n=%zu", k, n);
		CHECK(q_stpncpy(b + da, a + sa, k) - b == stpncpy(c + da, a + sa, k) - c,
		      "stpncpy");

		/* strcat family */
		size_t pre = qt_rand() % 20;
		fill((unsigned char *)b, sizeof(b), 0);
		b[pre] = 0;
		memcpy(c, b, sizeof(c));
		if (pre + n < BUF) {
			q_strcat(b, a + sa);
			strcat(c, a + sa);
			CHECK(memcmp(b, c, sizeof(b)) == 0, "strcat");
			b[pre] = c[pre] = 0;
			q_strncat(b, a + sa, k);
			strncat(c, a + sa, k);
			CHECK(memcmp(b, c, sizeof(b)) == 0, "strncat");
		}
		/* strlcpy/strlcat against their definitions */
		size_t sz = qt_rand() % (n + 5);
		memset(d, 'x', sizeof(d));
		CHECK(q_strlcpy(d, a + sa, sz) == n, "strlcpy ret");
		if (sz)
			CHECK(strlen(d) == (n < sz ? n : sz - 1) &&
			              memcmp(d, a + sa, strlen(d)) == 0,
			      "strlcpy data sz=%zu n=%zu", sz, n);
		else
			CHECK(d[0] == 'x', "strlcpy size 0 writes nothing");
		strcpy(d, "pre");
		sz = qt_rand() % (n + 8);
		size_t want = (sz <= 3 ? sz : 3) + n;
		CHECK(q_strlcat(d, a + sa, sz) == want, "strlcat ret sz=%zu", sz);

		/* comparisons on a small alphabet so prefixes match */
		fill((unsigned char *)a, sizeof(a), 3);
		fill((unsigned char *)b, sizeof(b), 3);
		size_t la = qt_rand() % 30, lb = qt_rand() % 30;
		a[sa + la] = 0;
		b[da + lb] = 0;
		if (qt_rand() % 2) {
			memcpy(b + da, a + sa, la + 1);
			if (la && qt_rand() % 2)
				b[da + qt_rand() % la] = (char)(0x80 + qt_rand() % 128);
		}
		CHECK(sign(q_strcmp(a + sa, b + da)) == sign(strcmp(a + sa, b + da)), "strcmp");
		k = qt_rand() % 35;
		CHECK(sign(q_strncmp(a + sa, b + da, k)) == sign(strncmp(a + sa, b + da, k)),
		      "strncmp");
		for (size_t i = 0; i < lb; i++)
			if (qt_rand() % 2)
				b[da + i] = (char)toupper((unsigned char)b[da + i]);
		CHECK(sign(q_strcasecmp(a + sa, b + da)) == sign(strcasecmp(a + sa, b + da)),
		      "strcasecmp '%s' '%s'", a + sa, b + da);
		CHECK(sign(q_strncasecmp(a + sa, b + da, k)) ==
		              sign(strncasecmp(a + sa, b + da, k)),
		      "strncasecmp");

		/* searches */
		fill((unsigned char *)a, sizeof(a), 5);
		n = qt_rand() % (iter < 1500 ? 40 : BUF);
		a[sa + n] = 0;
		int ch = 'a' + (int)(qt_rand() % 7);
		if (qt_rand() % 8 == 0)
			ch = 0;
		CHECK(q_strchr(a + sa, ch) == strchr(a + sa, ch), "strchr %c n=%zu", ch, n);
		CHECK(q_strrchr(a + sa, ch) == strrchr(a + sa, ch), "strrchr");
		CHECK(q_strchrnul(a + sa, ch) == strchrnul(a + sa, ch), "strchrnul");
		char set[5] = {0};
		for (int i = 0; i < (int)(qt_rand() % 4); i++)
			set[i] = (char)('a' + qt_rand() % 6);
		CHECK(q_strspn(a + sa, set) == strspn(a + sa, set), "strspn '%s'", set);
		CHECK(q_strcspn(a + sa, set) == strcspn(a + sa, set), "strcspn '%s'", set);
		CHECK(q_strpbrk(a + sa, set) == strpbrk(a + sa, set), "strpbrk");
		char needle[8];
		size_t nl = qt_rand() % 5;
		for (size_t i = 0; i < nl; i++)
			needle[i] = (char)('a' + qt_rand() % 3);
		needle[nl] = 0;
		CHECK(q_strstr(a + sa, needle) == strstr(a + sa, needle), "strstr '%s'", needle);
		CHECK(q_strcasestr(a + sa, needle) == strcasestr(a + sa, needle), "strcasestr");
	}
}

/* Periodic needles and haystacks: the cases that make naive search slow. */
static void test_search_hard(void)
{
	static char hay[70000], needle[3000];

	memset(hay, 'a', sizeof(hay) - 1);
	hay[sizeof(hay) - 1] = 0;
	memset(needle, 'a', sizeof(needle) - 2);
	needle[sizeof(needle) - 2] = 'b';
	needle[sizeof(needle) - 1] = 0;
	CHECK(q_strstr(hay, needle) == NULL, "strstr aaa..b not found");
	hay[sizeof(hay) - 2] = 'b';
	CHECK(q_strstr(hay, needle) == strstr(hay, needle), "strstr aaa..b at end");
	for (int i = 0; i < 300; i++) {
		size_t hl = qt_rand() % 300, nl = 1 + qt_rand() % 12;
		int alpha = 1 + (int)(qt_rand() % 3);
		fill((unsigned char *)hay, hl, alpha);
		hay[hl] = 0;
		fill((unsigned char *)needle, nl, alpha);
		needle[nl] = 0;
		CHECK(q_strstr(hay, needle) == strstr(hay, needle), "strstr periodic '%s'", needle);
		CHECK(q_memmem(hay, hl, needle, nl) == memmem(hay, hl, needle, nl),
		      "memmem periodic");
	}
}

static void test_tok(void)
{
	const char *cases[] = {"", "a", ",,a,,b,c,,", "abc", ",,,", "a b\tc", ":x::y:"};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char s1[64], s2[64], *p1, *p2, *t1, *t2;
		strcpy(s1, cases[i]);
		strcpy(s2, cases[i]);
		t1 = q_strtok_r(s1, ",: \t", &p1);
		t2 = strtok_r(s2, ",: \t", &p2);
		for (;;) {
			CHECK((t1 == NULL) == (t2 == NULL) && (!t1 || strcmp(t1, t2) == 0),
			      "strtok_r on '%s'", cases[i]);
			if (!t1 || !t2)
				break;
			t1 = q_strtok_r(NULL, ",: \t", &p1);
			t2 = strtok_r(NULL, ",: \t", &p2);
		}
		strcpy(s1, cases[i]);
		strcpy(s2, cases[i]);
		p1 = s1;
		p2 = s2;
		for (;;) {
			t1 = q_strsep(&p1, ",:");
			t2 = strsep(&p2, ",:");
			CHECK((t1 == NULL) == (t2 == NULL) && (!t1 || t1 - s1 == t2 - s2),
			      "strsep");
			if (!t1 || !t2)
				break;
		}
	}
	char s[] = "one two";
	CHECK(strcmp(q_strtok(s, " "), "one") == 0 && strcmp(q_strtok(NULL, " "), "two") == 0 &&
	              q_strtok(NULL, " ") == NULL,
	      "strtok");
}

static void test_misc(void)
{
	char buf[64];

	/* Every QNX errno 0..314 has a message; unknown numbers say so. */
	int known = 0;
	for (int e = 0; e < 400; e++) {
		const char *m = q_strerror(e);
		CHECK(m && *m, "strerror(%d) empty", e);
		if (strncmp(m, "Unknown error", 13) != 0)
			known++;
		int r = q_strerror_r(e, buf, sizeof(buf));
		CHECK(r == 0 || r == QE_INVAL, "strerror_r ret %d", r);
		CHECK(strcmp(buf, m) == 0, "strerror_r text for %d", e);
	}
	/* The numbers defined in include/qsoe/abi/errno.h (EOK included). */
	CHECK(known == 135, "QNX has 135 errno values with messages, got %d", known);
	CHECK(strcmp(q_strerror(2), "No such file or directory") == 0, "ENOENT text");
	CHECK(strcmp(q_strerror(-5), "Unknown error -5") == 0, "negative");
	CHECK(q_strerror_r(2, buf, 5) == QE_RANGE && strcmp(buf, "No s") == 0, "strerror_r ERANGE");
	CHECK(q_strerror_r(1000, buf, sizeof(buf)) == QE_INVAL, "strerror_r EINVAL");
	CHECK(strcmp(q_strsignal(11), "Segmentation fault") == 0, "strsignal SIGSEGV");
	CHECK(strcmp(q_strsignal(41), "Real-time signal 0") == 0, "strsignal SIGRTMIN");
	CHECK(strcmp(q_strsignal(99), "Unknown signal 99") == 0, "strsignal unknown");

	for (int i = 0; i < 200; i++) {
		long long v = (long long)qt_rand();
		if (i < 64)
			v = (long long)(1ULL << i);
		if (i == 64)
			v = 0;
		CHECK(q_ffs((int)v) == ffs((int)v) && q_ffsl((long)v) == ffsl((long)v) &&
		              q_ffsll(v) == ffsll(v),
		      "ffs %llx", v);
	}

	const char *paths[] = {"",       "/",    "a", "a/", "/a",       "/a/b", "a/b/",
	                       "a//b//", "///a", ".", "..", "/usr/lib", "usr/", "/usr//"};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		char p1[32], p2[32];
		strcpy(p1, paths[i]);
		strcpy(p2, paths[i]);
		CHECK(strcmp(q_basename(p1), basename(p2)) == 0, "basename('%s')", paths[i]);
		strcpy(p1, paths[i]);
		strcpy(p2, paths[i]);
		CHECK(strcmp(q_dirname(p1), dirname(p2)) == 0, "dirname('%s') = %s", paths[i],
		      q_dirname(strcpy(p1, paths[i])));
	}
	/* "//" is implementation-defined: QSOE gives "/" for both. */
	strcpy(buf, "//");
	CHECK(strcmp(q_dirname(buf), "/") == 0, "dirname //");
	strcpy(buf, "//");
	CHECK(strcmp(q_basename(buf), "/") == 0, "basename //");
	CHECK(q_strxfrm(buf, "hello", sizeof(buf)) == 5 && strcmp(buf, "hello") == 0, "strxfrm");
}

/* ctype in the C locale must agree with glibc for every value -1..255. */
static void test_ctype(void)
{
	for (int c = -1; c < 256; c++) {
		CHECK(!!q_isalnum(c) == !!isalnum(c), "isalnum %d", c);
		CHECK(!!q_isalpha(c) == !!isalpha(c), "isalpha %d", c);
		CHECK(!!q_isblank(c) == !!isblank(c), "isblank %d", c);
		CHECK(!!q_iscntrl(c) == !!iscntrl(c), "iscntrl %d", c);
		CHECK(!!q_isdigit(c) == !!isdigit(c), "isdigit %d", c);
		CHECK(!!q_isgraph(c) == !!isgraph(c), "isgraph %d", c);
		CHECK(!!q_islower(c) == !!islower(c), "islower %d", c);
		CHECK(!!q_isprint(c) == !!isprint(c), "isprint %d", c);
		CHECK(!!q_ispunct(c) == !!ispunct(c), "ispunct %d", c);
		CHECK(!!q_isspace(c) == !!isspace(c), "isspace %d", c);
		CHECK(!!q_isupper(c) == !!isupper(c), "isupper %d", c);
		CHECK(!!q_isxdigit(c) == !!isxdigit(c), "isxdigit %d", c);
		CHECK(q_tolower(c) == tolower(c), "tolower %d", c);
		CHECK(q_toupper(c) == toupper(c), "toupper %d", c);
	}
}

int main(void)
{
	test_mem();
	test_str();
	test_search_hard();
	test_tok();
	test_misc();
	test_ctype();
	return qt_done("libc-string");
}
