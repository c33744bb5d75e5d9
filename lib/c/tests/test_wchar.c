/*
 * test_wchar.c - UTF-8 conversion, wcwidth, wctype, case mapping and the
 * locale functions of QSOE libc against glibc's C.UTF-8 locale, over every
 * code point (except those new in Unicode 15.0, which glibc's Unicode 14
 * does not know).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "qtest.h"
#include "unicode_new15.h"

size_t q_mbrtowc(wchar_t *, const char *, size_t, void *);
size_t q_wcrtomb(char *, wchar_t, void *);
int q_mbsinit(const void *);
size_t q_mbstowcs(wchar_t *, const char *, size_t);
size_t q_wcstombs(char *, const wchar_t *, size_t);
int q_mblen(const char *, size_t);
int q_wctob(wint_t);
wint_t q_btowc(int);
int q_wcwidth(wchar_t);
int q_wcswidth(const wchar_t *, size_t);
int q_iswalpha(wint_t), q_iswupper(wint_t), q_iswlower(wint_t), q_iswdigit(wint_t);
int q_iswspace(wint_t), q_iswprint(wint_t), q_iswgraph(wint_t), q_iswpunct(wint_t);
int q_iswcntrl(wint_t), q_iswblank(wint_t), q_iswalnum(wint_t), q_iswxdigit(wint_t);
int q_iswctype(wint_t, unsigned long);
unsigned long q_wctype(const char *);
wint_t q_towupper(wint_t), q_towlower(wint_t);
char *q_setlocale(int, const char *);
void *q_newlocale(int, const char *, void *);
void *q_uselocale(void *);
void q_freelocale(void *);
char *q_nl_langinfo(int);
size_t q___qsoe_mb_cur_max(void);
void *q_localeconv(void);
extern char **q_environ;
size_t q_wcslen(const wchar_t *);
int q_wcscmp(const wchar_t *, const wchar_t *);
wchar_t *q_wcsstr(const wchar_t *, const wchar_t *);
wchar_t *q_wcschr(const wchar_t *, wchar_t);
int q_wcscasecmp(const wchar_t *, const wchar_t *);
long q_wcstol(const wchar_t *, wchar_t **, int);
double q_wcstod(const wchar_t *, wchar_t **);
void *q_fmemopen(void *, size_t, const char *);
wint_t q_fputwc(wchar_t, void *);
wint_t q_fgetwc(void *);
int q_fclose(void *);
int q_fseek(void *, long, int);
int q_snprintf(char *, size_t, const char *, ...);

/* QNX LC_* numbers (include/locale.h). */
enum { QLC_CTYPE = 2, QLC_NUMERIC = 8, QLC_ALL = 63, QLC_ALL_MASK = 63, QCODESET = 1 };

static int is_new15(unsigned c)
{
	size_t lo = 0, hi = sizeof(new15) / sizeof(new15[0]);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < new15[mid][0])
			hi = mid;
		else if (c > new15[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

static void conversions(void)
{
	char b1[8], b2[8];
	long bad = 0;
	for (unsigned c = 0; c < 0x110000; c++) {
		mbstate_t s2;
		memset(&s2, 0, sizeof(s2));
		size_t r1 = q_wcrtomb(b1, (wchar_t)c, NULL), r2 = wcrtomb(b2, (wchar_t)c, &s2);
		if (r1 != r2 || (r1 != (size_t)-1 && memcmp(b1, b2, r1))) {
			if (bad < 3)
				fprintf(stderr, "  wcrtomb U+%04X: %zd vs %zd\n", c, (ssize_t)r1,
				        (ssize_t)r2);
			bad++;
		}
		if (r1 == (size_t)-1)
			continue;
		wchar_t w1 = 0;
		if (q_mbrtowc(&w1, b1, r1, NULL) != (c ? r1 : 0) || (unsigned)w1 != c)
			bad++;
		/* Byte by byte through the state. */
		unsigned char st[16] = {0};
		size_t r = 0;
		for (size_t i = 0; i < r1; i++) {
			r = q_mbrtowc(&w1, b1 + i, 1, st);
			if (i + 1 < r1 && (r != (size_t)-2 || q_mbsinit(st)))
				bad++;
		}
		if ((c && r != 1) || (unsigned)w1 != c || !q_mbsinit(st))
			bad++;
	}
	CHECK(bad == 0, "wcrtomb/mbrtowc over all code points: %ld differences", bad);
	/* Unicode ends at U+10FFFF (RFC 3629); glibc still encodes old 5/6-byte forms. */
	CHECK(q_wcrtomb(b1, 0x110000, NULL) == (size_t)-1 && q_errno == QE_ILSEQ &&
	              q_mbrtowc(NULL, "\xf4\x90\x80\x80", 4, NULL) == (size_t)-1 &&
	              q_mbrtowc(NULL, "\xf8\x88\x80\x80\x80", 5, NULL) == (size_t)-1,
	      "nothing above U+10FFFF");
	/* Random byte strings: return values agree with glibc for every prefix length. */
	bad = 0;
	for (int i = 0; i < 200000; i++) {
		unsigned char in[4];
		for (int k = 0; k < 4; k++)
			in[k] = (unsigned char)(qt_rand() % 4 ? 0x80 + qt_rand() % 0x80
			                                      : qt_rand() % 256);
		size_t n = 1 + qt_rand() % 4;
		if (in[0] >= 0xf5 || (in[0] == 0xf4 && in[1] >= 0x90))
			continue; /* beyond U+10FFFF: glibc's legacy forms, rejected here */
		wchar_t w1 = 0, w2 = 0;
		mbstate_t s2;
		memset(&s2, 0, sizeof(s2));
		unsigned char st[16] = {0};
		size_t r1 = q_mbrtowc(&w1, (char *)in, n, st),
		       r2 = mbrtowc(&w2, (char *)in, n, &s2);
		if (r1 == (size_t)-1 && r2 == (size_t)-2) {
			/* We reject an impossible second byte at once; glibc waits for the
			 * rest. Accept if glibc rejects the completed sequence too. */
			memset(&s2, 0, sizeof(s2));
			if (mbrtowc(&w2, (char *)in, 4, &s2) == (size_t)-1)
				continue;
		}
		if (r1 != r2 || (r1 < 5 && w1 != w2)) {
			if (bad < 5)
				fprintf(stderr, "  mbrtowc %02x %02x %02x %02x n=%zu: %zd vs %zd\n",
				        in[0], in[1], in[2], in[3], n, (ssize_t)r1, (ssize_t)r2);
			bad++;
		}
	}
	CHECK(bad == 0, "mbrtowc on random bytes: %ld differences", bad);

	/* Strings. */
	wchar_t ws[64], wg[64];
	const char *u = "Gr\xc3\xbc\xc3\x9f"
	                "e \xe4\xbd\xa0\xe5\xa5\xbd \xf0\x9f\x98\x80!";
	CHECK(q_mbstowcs(ws, u, 64) == mbstowcs(wg, u, 64) && !memcmp(ws, wg, 12 * sizeof(wchar_t)),
	      "mbstowcs");
	char out1[64], out2[64];
	CHECK(q_wcstombs(out1, ws, 64) == wcstombs(out2, wg, 64) && !strcmp(out1, out2),
	      "wcstombs");
	CHECK(q_mbstowcs(NULL, u, 0) == 11 && q_wcstombs(NULL, ws, 0) == strlen(u), "counting");
	CHECK(q_mbstowcs(ws, "\xff", 4) == (size_t)-1 && q_errno == QE_ILSEQ, "mbstowcs EILSEQ");
	CHECK(q_mblen("\xe4\xbd\xa0", 3) == 3 && q_mblen("\xe4\xbd", 2) == -1 &&
	              q_mblen("", 1) == 0,
	      "mblen");
	CHECK(q_btowc('a') == 'a' && q_btowc(0xe4) == WEOF && q_wctob(0x4f60) == EOF,
	      "btowc/wctob");
	CHECK(q___qsoe_mb_cur_max() == 4, "MB_CUR_MAX in C.UTF-8");
}

/*
 * Properties Unicode 15.0 changed for older characters (Other_Alphabetic
 * and Other_Lowercase additions): glibc's Unicode 14 tables differ here.
 */
static const unsigned changed15_alpha[] = {0x0c04, 0x0f82, 0x0f83, 0x11080, 0x11081};
static const unsigned changed15_lower[] = {0x10fc, 0xa7f2, 0xa7f3, 0xa7f4, 0xab69};

static int listed(const unsigned *l, size_t n, unsigned c)
{
	for (size_t i = 0; i < n; i++)
		if (l[i] == c)
			return 1;
	return 0;
}

static void classes(void)
{
	long diff[16] = {0}, n = 0;
	static const char *names[] = {"wcwidth", "alpha",  "upper",    "lower",    "digit",
	                              "space",   "print",  "graph",    "punct",    "cntrl",
	                              "blank",   "xdigit", "towupper", "towlower", "alnum"};
	for (unsigned c = 0; c < 0x110000; c++) {
		if (is_new15(c))
			continue;
		n++;
		int ca = listed(changed15_alpha, 5, c), cl = listed(changed15_lower, 5, c);
		if (ca || cl) {
			/* UCD 15 says yes; check that we follow it. */
			CHECK(ca ? q_iswalpha(c) : q_iswlower(c), "U+%04X per Unicode 15.0", c);
			continue;
		}
#define NOTE(i, cond)                                                                             \
	do {                                                                                      \
		if (cond) {                                                                       \
			if (diff[i] < 3)                                                          \
				fprintf(stderr, "  %s U+%04X: qsoe/glibc differ\n", names[i], c); \
			diff[i]++;                                                                \
		}                                                                                 \
	} while (0)
		NOTE(0, q_wcwidth((wchar_t)c) != wcwidth((wchar_t)c));
		NOTE(1, !q_iswalpha(c) != !iswalpha(c));
		NOTE(2, !q_iswupper(c) != !iswupper(c));
		NOTE(3, !q_iswlower(c) != !iswlower(c));
		NOTE(4, !q_iswdigit(c) != !iswdigit(c));
		NOTE(5, !q_iswspace(c) != !iswspace(c));
		NOTE(6, !q_iswprint(c) != !iswprint(c));
		NOTE(7, !q_iswgraph(c) != !iswgraph(c));
		NOTE(8, !q_iswpunct(c) != !iswpunct(c));
		NOTE(9, !q_iswcntrl(c) != !iswcntrl(c));
		NOTE(10, !q_iswblank(c) != !iswblank(c));
		NOTE(11, !q_iswxdigit(c) != !iswxdigit(c));
		NOTE(12, q_towupper(c) != towupper(c));
		NOTE(13, q_towlower(c) != towlower(c));
		NOTE(14, !q_iswalnum(c) != !iswalnum(c));
	}
	for (int i = 0; i < 15; i++)
		CHECK(diff[i] == 0, "%s differs from glibc C.UTF-8 on %ld of %ld code points",
		      names[i], diff[i], n);
	wchar_t s[] = L"a\x4f60\x0301z";
	CHECK(q_wcswidth(s, 4) == 4 && q_wcswidth(L"a\x7f", 2) == -1 && q_wcswidth(s, 1) == 1,
	      "wcswidth");
	CHECK(q_iswctype(0x3b1, q_wctype("alpha")) && !q_iswctype('1', q_wctype("alpha")) &&
	              q_wctype("nonsense") == 0,
	      "wctype/iswctype");
	/* Latin, Greek, Cyrillic round trips. */
	CHECK(q_towupper(0xe9) == 0xc9 && q_towupper(0x3b1) == 0x391 &&
	              q_towupper(0x44f) == 0x42f && q_towlower(0x42f) == 0x44f &&
	              q_towlower(0x130) == 0x69,
	      "case mapping");
}

static void locales(void)
{
	CHECK(!strcmp(q_setlocale(QLC_ALL, NULL), "C.UTF-8"), "current");
	CHECK(!strcmp(q_nl_langinfo(QCODESET), "UTF-8"), "CODESET UTF-8");
	CHECK(!strcmp(q_setlocale(QLC_ALL, "C"), "C") && q___qsoe_mb_cur_max() == 1, "C locale");
	CHECK(!strcmp(q_nl_langinfo(QCODESET), "ANSI_X3.4-1968"), "CODESET in C");
	wchar_t w;
	CHECK(q_mbrtowc(&w, "\xe9", 1, NULL) == 1 && w == 0xe9, "C: bytes are characters");
	char b[8];
	CHECK(q_wcrtomb(b, 0xe9, NULL) == 1 && (unsigned char)b[0] == 0xe9 &&
	              q_wcrtomb(b, 0x4f60, NULL) == (size_t)-1,
	      "C: wcrtomb");
	CHECK(q_wcwidth(0xe9) == -1 && q_wcwidth('a') == 1 && !q_iswalpha(0xe9), "C: classes");
	CHECK(q_setlocale(QLC_ALL, "xx_YY") == NULL && !strcmp(q_setlocale(QLC_ALL, NULL), "C"),
	      "unknown locale fails, nothing changes");
	CHECK(!strcmp(q_setlocale(QLC_CTYPE, "en_US.UTF-8"), "C.UTF-8"), "*.UTF-8 names");
	CHECK(!strcmp(q_setlocale(QLC_ALL, NULL), "LC_COLLATE=C;LC_CTYPE=C.UTF-8;LC_MONETARY=C;LC_"
	                                          "NUMERIC=C;LC_TIME=C;LC_MESSAGES=C"),
	      "composite name '%s'", q_setlocale(QLC_ALL, NULL));
	char saved[200];
	strcpy(saved, q_setlocale(QLC_ALL, NULL));
	q_setlocale(QLC_ALL, "C");
	CHECK(q_setlocale(QLC_ALL, saved) && !strcmp(q_setlocale(QLC_CTYPE, NULL), "C.UTF-8"),
	      "composite name restores");
	char *env1[] = {"LANG=C", NULL};
	q_environ = env1;
	CHECK(!strcmp(q_setlocale(QLC_ALL, ""), "C"), "\"\" with LANG=C");
	char *env2[] = {NULL};
	q_environ = env2;
	CHECK(!strcmp(q_setlocale(QLC_ALL, ""), "C.UTF-8"), "\"\" with nothing set: QSOE default");
	char *env3[] = {"LANG=C.UTF-8", "LC_ALL=POSIX", NULL};
	q_environ = env3;
	CHECK(!strcmp(q_setlocale(QLC_ALL, ""), "C"), "LC_ALL wins");
	q_environ = NULL;
	/* QNX's struct lconv: 7 pointers, 14 chars, then decimal_point... */
	struct qlconv {
		char *p[7];
		char c[14];
		char *decimal_point, *grouping, *thousands_sep;
	} *lc = (struct qlconv *)q_localeconv();
	CHECK(!strcmp(lc->decimal_point, ".") && !strcmp(lc->thousands_sep, ""), "localeconv");

	/* A per-thread locale. */
	void *u8 = q_newlocale(QLC_ALL_MASK, "C.UTF-8", NULL);
	void *old = q_uselocale(u8);
	CHECK(u8 && q___qsoe_mb_cur_max() == 4 && q_wcwidth(0x4f60) == 2, "uselocale C.UTF-8");
	q_uselocale(old);
	CHECK(q___qsoe_mb_cur_max() == 1, "back to the global C");
	q_freelocale(u8);
	q_errno = 0;
	CHECK(!q_newlocale(QLC_ALL_MASK, "klingon", NULL) && q_errno == QE_NOENT,
	      "newlocale ENOENT");
	q_setlocale(QLC_ALL, "C.UTF-8");
}

static void wide_strings(void)
{
	CHECK(q_wcslen(L"h\x4f60llo") == 5 && q_wcscmp(L"abc", L"abd") < 0 &&
	              q_wcscmp(L"\x10000", L"a") > 0,
	      "wcslen/wcscmp");
	const wchar_t *h = L"one two three";
	CHECK(q_wcsstr(h, L"two") == h + 4 && q_wcschr(h, L't') == h + 4 && !q_wcsstr(h, L"four"),
	      "wcsstr/wcschr");
	CHECK(q_wcscasecmp(L"\x3b1\x3b2", L"\x391\x392") == 0, "wcscasecmp Greek");
	wchar_t *e;
	CHECK(q_wcstol(L"  -42z", &e, 10) == -42 && *e == L'z', "wcstol");
	CHECK(q_wcstod(L"2.5e1\x4f60", &e) == 25.0 && *e == 0x4f60, "wcstod");
	char buf[64] = {0};
	void *f = q_fmemopen(buf, sizeof(buf), "w+");
	q_fputwc(0x4f60, f);
	q_fputwc(L'x', f);
	q_fseek(f, 0, SEEK_SET);
	wint_t a = q_fgetwc(f), b = q_fgetwc(f);
	CHECK(a == 0x4f60 && b == L'x' && q_fgetwc(f) == WEOF, "fputwc/fgetwc");
	q_fclose(f);
	CHECK(!memcmp(buf, "\xe4\xbd\xa0x", 4), "UTF-8 on the stream");
	char p[32];
	CHECK(q_snprintf(p, sizeof(p), "%lc|%ls", (wint_t)0x4f60, L"\xe9t\xe9") == 9 &&
	              !strcmp(p, "\xe4\xbd\xa0|\xc3\xa9t\xc3\xa9"),
	      "printf %%lc %%ls in C.UTF-8");
}

int main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return 1;
	q_setlocale(QLC_ALL, "C.UTF-8");
	conversions();
	classes();
	locales();
	wide_strings();
	return qt_done("libc-wchar");
}
