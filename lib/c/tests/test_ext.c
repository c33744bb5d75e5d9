/*
 * test_ext.c - extensions ports expect, compared with glibc: strverscmp
 * over random strings of digits, letters and dots (the sign must agree),
 * <uchar.h> conversions over every code point in C.UTF-8 (mbrtoc16 and
 * mbrtoc32 against glibc, c16rtomb/c32rtomb round trips, lone
 * surrogates), and <stdio_ext.h> inspections of a real file stream beside
 * the same operations on a glibc stream; swab, strfromd/f/l, getw/putw and
 * memset_explicit.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <iconv.h>
#include <locale.h>
#include <stdint.h>
#include <wchar.h>
#include <stdio_ext.h>
#include <string.h>
#include <uchar.h>
#include <unistd.h>
#include "qtest.h"

int q_strverscmp(const char *, const char *);
size_t q_mbrtoc16(char16_t *, const char *, size_t, void *);
size_t q_c16rtomb(char *, char16_t, void *);
size_t q_mbrtoc32(char32_t *, const char *, size_t, void *);
size_t q_c32rtomb(char *, char32_t, void *);
char *q_setlocale(int, const char *);
typedef struct qfile QFILE;
QFILE *q_fopen(const char *, const char *);
int q_fclose(QFILE *);
int q_setvbuf(QFILE *, char *, int, size_t);
int q_fputs(const char *, QFILE *);
int q_fgetc(QFILE *);
int q_fflush(QFILE *);
size_t q___fpending(QFILE *);
size_t q___fbufsize(QFILE *);
size_t q___freadahead(QFILE *);
int q___freading(QFILE *);
int q___fwriting(QFILE *);
int q___flbf(QFILE *);
void q___fpurge(QFILE *);
enum { QLC_CTYPE = 2, QLC_ALL = 63 };
void q_swab(const void *, void *, ssize_t);
int q_strfromd(char *, size_t, const char *, double);
int q_strfromf(char *, size_t, const char *, float);
int q_strfroml(char *, size_t, const char *, __float128);
void *q_memset_explicit(void *, int, size_t);
int q_getw(QFILE *);
int q_putw(int, QFILE *);
int q_feof(QFILE *);
int q_swprintf(wchar_t *, size_t, const wchar_t *, ...);
int q_swscanf(const wchar_t *, const wchar_t *, ...);
int q_fwprintf(QFILE *, const wchar_t *, ...);
int q_fwide(QFILE *, int);
void *q_iconv_open(const char *, const char *);
size_t q_iconv(void *, char **, size_t *, char **, size_t *);
int q_iconv_close(void *);

static int sgn(int v)
{
	return (v > 0) - (v < 0);
}

static void test_verscmp(void)
{
	static const char alphabet[] = "00019a.";
	int bad = 0, n = 0;
	for (int i = 0; i < 200000; i++) {
		char a[8], b[8];
		int la = (int)(qt_rand() % 7), lb = (int)(qt_rand() % 7);
		for (int k = 0; k < la; k++)
			a[k] = alphabet[qt_rand() % 7];
		for (int k = 0; k < lb; k++)
			b[k] = alphabet[qt_rand() % 7];
		a[la] = b[lb] = 0;
		if (qt_rand() % 2) /* a common prefix makes the interesting cases */
			memcpy(b, a, (size_t)(la < lb ? la : lb));
		n++;
		if (sgn(q_strverscmp(a, b)) != sgn(strverscmp(a, b))) {
			if (bad++ < 5)
				printf("strverscmp(\"%s\", \"%s\"): %d, glibc %d\n", a, b,
				       q_strverscmp(a, b), strverscmp(a, b));
		}
	}
	CHECK(bad == 0, "strverscmp agrees with glibc on %d pairs (%d differ)", n, bad);
	static const char *order[] = {"000", "00", "01", "010", "09", "0", "1", "9", "10"};
	int sorted = 1;
	for (int i = 0; i + 1 < 9; i++)
		sorted &= q_strverscmp(order[i], order[i + 1]) < 0 &&
		          q_strverscmp(order[i + 1], order[i]) > 0;
	CHECK(sorted, "the GNU manual's example order");
	CHECK(q_strverscmp("file9", "file10") < 0 && q_strverscmp("abc", "abc") == 0, "basic");
}

static void test_uchar(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	q_setlocale(QLC_ALL, "C.UTF-8");
	int bad16 = 0, bad32 = 0, badrt = 0;
	for (unsigned cp = 1; cp <= 0x10ffff; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		char mb[8];
		mbstate_t gs;
		memset(&gs, 0, sizeof(gs));
		size_t len = c32rtomb(mb, cp, &gs);
		unsigned char qs[16] = {0}, qs2[16] = {0};
		char32_t q32 = 0;
		bad32 += q_mbrtoc32(&q32, mb, len, qs) != len || q32 != cp;
		char16_t g16[2] = {0}, q16[2] = {0};
		memset(&gs, 0, sizeof(gs));
		memset(qs, 0, sizeof(qs));
		size_t gr = mbrtoc16(&g16[0], mb, len, &gs);
		size_t qr = q_mbrtoc16(&q16[0], mb, len, qs);
		if (cp >= 0x10000) {
			size_t gr2 = mbrtoc16(&g16[1], "", 0, &gs);
			size_t qr2 = q_mbrtoc16(&q16[1], "", 0, qs);
			bad16 += gr2 != qr2 || g16[1] != q16[1];
		}
		bad16 += gr != qr || g16[0] != q16[0];
		/* back to UTF-8 through c16rtomb */
		char out[8];
		size_t o = q_c16rtomb(out, q16[0], qs2);
		if (cp >= 0x10000)
			o = o == 0 ? q_c16rtomb(out, q16[1], qs2) : (size_t)-1;
		badrt += o != len || memcmp(out, mb, len) != 0;
	}
	CHECK(bad32 == 0, "mbrtoc32 over every code point (%d wrong)", bad32);
	CHECK(bad16 == 0, "mbrtoc16 as glibc over every code point (%d wrong)", bad16);
	CHECK(badrt == 0, "c16rtomb round trips (%d wrong)", badrt);
	unsigned char qs[16] = {0};
	char out[8];
	q_errno = 0;
	CHECK(q_c16rtomb(out, 0xdc00, qs) == (size_t)-1 && q_errno == QE_ILSEQ,
	      "a lone low surrogate: EILSEQ");
	memset(qs, 0, sizeof(qs));
	CHECK(q_c16rtomb(out, 0xd800, qs) == 0 && q_c16rtomb(out, 'a', qs) == (size_t)-1 &&
	              q_errno == QE_ILSEQ,
	      "a high surrogate followed by a non-surrogate: EILSEQ");
	memset(qs, 0, sizeof(qs));
	q_errno = 0;
	CHECK(q_c32rtomb(out, 0x110000, qs) == (size_t)-1 && q_errno == QE_ILSEQ,
	      "c32rtomb beyond U+10FFFF");
	CHECK(q_c32rtomb(out, 0xd800, qs) == (size_t)-1, "c32rtomb of a surrogate");
	q_setlocale(QLC_ALL, "C");
	setlocale(LC_ALL, "C");
}

static void test_stdio_ext(void)
{
	char path[] = "/tmp/qextXXXXXX";
	int fd = mkstemp(path);
	close(fd);
	QFILE *q = q_fopen(path, "w+");
	FILE *g = fopen(path, "w+");
	if (!q || !g) {
		CHECK(0, "open %s", path);
		return;
	}
	q_setvbuf(q, NULL, _IOFBF, 256);
	setvbuf(g, NULL, _IOFBF, 256);
	q_fputs("hello", q);
	fputs("hello", g);
	CHECK(q___fpending(q) == __fpending(g) && q___fpending(q) == 5, "__fpending (%zu)",
	      q___fpending(q));
	CHECK(q___fbufsize(q) == __fbufsize(g), "__fbufsize (%zu, glibc %zu)", q___fbufsize(q),
	      __fbufsize(g));
	CHECK(!!q___fwriting(q) == !!__fwriting(g) && !!q___freading(q) == !!__freading(g),
	      "__fwriting, __freading while writing");
	CHECK(!q___flbf(q) && !__flbf(g), "__flbf of a fully buffered stream");
	q___fpurge(q);
	__fpurge(g);
	CHECK(q___fpending(q) == 0 && __fpending(g) == 0, "__fpurge drops pending output");
	q_fputs("abc", q);
	q_fflush(q);
	q_fclose(q);
	fclose(g);
	q = q_fopen(path, "r");
	if (q) {
		CHECK(q_fgetc(q) == 'a' && q___freadahead(q) == 2 && q___freading(q),
		      "__freadahead after one byte of three (%zu)", q___freadahead(q));
		q___fpurge(q);
		CHECK(q___freadahead(q) == 0 && q_fgetc(q) == -1, "__fpurge drops read-ahead");
		q_fclose(q);
	}
	unlink(path);
}

static void test_small(void)
{
	unsigned char src[33], a[33], b[33];
	int bad = 0;
	for (int n = -1; n <= 33; n++) {
		for (int i = 0; i < 33; i++)
			src[i] = (unsigned char)qt_rand();
		memset(a, 0xaa, sizeof(a));
		memset(b, 0xaa, sizeof(b));
		q_swab(src, a, n);
		swab(src, b, n);
		bad += memcmp(a, b, sizeof(a)) != 0;
	}
	CHECK(bad == 0, "swab as glibc for every length -1..33 (%d differ)", bad);

	static const char *fmts[] = {"%g", "%.3f", "%e", "%.0E", "%a", "%.20G", "%F", "%.1A"};
	static const double vals[] = {0.1, -2.5, 1e300, 5e-324, 123456789.125, 0.0};
	bad = 0;
	for (int i = 0; i < 8; i++)
		for (int j = 0; j < 6; j++) {
			char q[64], g[64];
			int rq = q_strfromd(q, sizeof(q), fmts[i], vals[j]);
			int rg = strfromd(g, sizeof(g), fmts[i], vals[j]);
			bad += rq != rg || strcmp(q, g) != 0;
			rq = q_strfromf(q, sizeof(q), fmts[i], (float)vals[j]);
			rg = strfromf(g, sizeof(g), fmts[i], (float)vals[j]);
			bad += rq != rg || strcmp(q, g) != 0;
		}
	CHECK(bad == 0, "strfromd/strfromf as glibc (%d differ)", bad);
	char q[64];
	CHECK(q_strfroml(q, sizeof(q), "%.30g", (__float128)1 / 3) == 32 &&
	              strcmp(q, "0.333333333333333333333333333333") == 0,
	      "strfroml in binary128: %s", q);
	q_errno = 0;
	CHECK(q_strfromd(q, sizeof(q), "%d", 1.0) == -1 && q_errno == QE_INVAL,
	      "a non-floating format: EINVAL");
	CHECK(q_strfromd(q, sizeof(q), "%5.2f", 1.0) == -1, "a width is refused");
	CHECK(q_strfromd(q, 4, "%f", 3.14159) == 8 && strcmp(q, "3.1") == 0, "truncation");
	memset(src, 1, sizeof(src));
	CHECK(q_memset_explicit(src, 0, sizeof(src)) == src && src[0] == 0 && src[32] == 0,
	      "memset_explicit");

	char path[] = "/tmp/qgetwXXXXXX";
	int fd = mkstemp(path);
	close(fd);
	QFILE *f = q_fopen(path, "w+");
	if (f) {
		int ok = q_putw(-1, f) == 0 && q_putw(0x12345678, f) == 0;
		q_fclose(f);
		FILE *g = fopen(path, "r");
		int g1 = getw(g), g2 = getw(g);
		fclose(g);
		f = q_fopen(path, "r");
		int v1 = q_getw(f), v2 = q_getw(f), v3 = q_getw(f);
		CHECK(ok && v1 == -1 && v2 == 0x12345678 && v3 == -1 && q_feof(f) && g1 == v1 &&
		              g2 == v2,
		      "putw/getw round trip, read by glibc too");
		q_fclose(f);
	}
	unlink(path);
}

static void test_wide_printf(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	q_setlocale(QLC_ALL, "C.UTF-8");
	wchar_t q[128], g[128];
	int bad = 0;
#define WCMP(...)                                                             \
	do {                                                                  \
		int rq = q_swprintf(q, 128, __VA_ARGS__);                     \
		int rg = swprintf(g, 128, __VA_ARGS__);                       \
		if (rq != rg || (rq >= 0 && wcscmp(q, g) != 0)) {             \
			bad++;                                                \
			printf("swprintf %d/%d [%ls] [%ls]\n", rq, rg, q, g); \
		}                                                             \
	} while (0)
	WCMP(L"%d %5d %-5d| %x %#o %+.3f %e %g", 42, -7, 3, 255u, 8u, 3.14159, 1e-5, 0.5);
	WCMP(L"%s and %ls", "narrow", L"wide \u00e9\u4e00");
	WCMP(L"%c%lc%lc", 'a', (wint_t)0xe9, (wint_t)0x1f600);
	WCMP(L"\u00e9t\u00e9: %d%%", 100);
	WCMP(L"%2$s %1$s", "b", "a");
	WCMP(L"%.3ls|%10.2f|%-8s|", L"abcdef", 2.5, "x");
	WCMP(L"%jd %zu %lld %hhd", (intmax_t)-5, (size_t)9, 1LL << 50, 300);
	CHECK(bad == 0, "swprintf as glibc (%d differ)", bad);
	q_errno = 0;
	CHECK(q_swprintf(q, 4, L"%s", "toolong") == -1 && q_errno == QE_OVERFLOW && q[3] == 0 &&
	              wcscmp(q, L"too") == 0,
	      "swprintf into a short buffer: -1, EOVERFLOW, truncated and terminated");
	int a = 0;
	wchar_t ws[16];
	char ns[16];
	CHECK(q_swscanf(L"12 \u00e9l\u00e8ve wide", L"%d %15s %15ls", &a, ns, ws) == 3 && a == 12 &&
	              strcmp(ns, "\xc3\xa9l\xc3\xa8ve") == 0 && wcscmp(ws, L"wide") == 0,
	      "swscanf: %%d, %%s (multibyte), %%ls");
	char path[] = "/tmp/qwpXXXXXX";
	int fd = mkstemp(path);
	close(fd);
	QFILE *f = q_fopen(path, "w");
	if (f) {
		CHECK(q_fwprintf(f, L"\u4e00=%d\n", 1) == 4 && q_fwide(f, 0) > 0,
		      "fwprintf counts wide characters and orients the stream");
		q_fclose(f);
		FILE *gf = fopen(path, "r");
		char line[32] = "";
		fgets(line, sizeof(line), gf);
		fclose(gf);
		CHECK(strcmp(line, "\xe4\xb8\x80=1\n") == 0, "the file holds UTF-8");
	}
	unlink(path);
	q_setlocale(QLC_ALL, "C");
	q_errno = 0;
	CHECK(q_swprintf(q, 128, L"%ls", L"\u4e00") == -1 && q_errno == QE_ILSEQ,
	      "the C locale cannot encode U+4E00: EILSEQ (documented)");
	setlocale(LC_ALL, "C");
}

/* Encodes cps[0..n) as UTF-8 into buf; returns the length. */
static size_t utf8(const unsigned *cps, int n, char *buf)
{
	size_t k = 0;
	for (int i = 0; i < n; i++) {
		unsigned c = cps[i];
		if (c < 0x80) {
			buf[k++] = (char)c;
		} else if (c < 0x800) {
			buf[k++] = (char)(0xc0 | c >> 6);
			buf[k++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			buf[k++] = (char)(0xe0 | c >> 12);
			buf[k++] = (char)(0x80 | (c >> 6 & 0x3f));
			buf[k++] = (char)(0x80 | (c & 0x3f));
		} else {
			buf[k++] = (char)(0xf0 | c >> 18);
			buf[k++] = (char)(0x80 | (c >> 12 & 0x3f));
			buf[k++] = (char)(0x80 | (c >> 6 & 0x3f));
			buf[k++] = (char)(0x80 | (c & 0x3f));
		}
	}
	return k;
}

static void test_iconv(void)
{
	static const char *encs[] = {"UTF-8",  "UTF-16LE", "UTF-16BE",   "UTF-32LE", "UTF-32BE",
	                             "UCS-4",  "UCS-2",    "ISO-8859-1", "ASCII",    "UTF-16",
	                             "UTF-32", "UCS-4LE",  "UCS-2BE"};
	enum { NE = sizeof(encs) / sizeof(encs[0]) };
	int bad = 0, cases = 0;
	for (int round = 0; round < 3000; round++) {
		unsigned cps[24];
		int n = (int)(qt_rand() % 24);
		for (int i = 0; i < n; i++) {
			unsigned r = (unsigned)qt_rand() % 10;
			unsigned c = r < 4   ? (unsigned)qt_rand() % 0x80
			             : r < 6 ? (unsigned)qt_rand() % 0x100
			             : r < 8 ? (unsigned)qt_rand() % 0x10000
			                     : 0x10000 + (unsigned)qt_rand() % 0x100000;
			if (c >= 0xd800 && c <= 0xdfff)
				c = 0x41;
			cps[i] = c ? c : 1;
		}
		char u8[128];
		size_t u8len = utf8(cps, n, u8);
		const char *from = encs[qt_rand() % NE], *to = encs[qt_rand() % NE];
		/* the input in the source encoding, made by glibc from UTF-8 */
		char src[256], *sp = src, *ip = u8;
		size_t il = u8len, sl = sizeof(src);
		iconv_t g0 = iconv_open(from, "UTF-8");
		size_t r0 = iconv(g0, &ip, &il, &sp, &sl);
		iconv_close(g0);
		if (r0 == (size_t)-1)
			continue; /* not representable in the source */
		size_t srclen = (size_t)(sp - src);
		size_t outsz = qt_rand() % 4 ? 256 : (size_t)(qt_rand() % 12); /* sometimes E2BIG */
		char gout[256], qout[256];
		char *gi = src, *qi = src, *go = gout, *qo = qout;
		size_t gil = srclen, qil = srclen, gol = outsz, qol = outsz;
		iconv_t g = iconv_open(to, from);
		void *q = q_iconv_open(to, from);
		if (g == (iconv_t)-1 || !q || q == (void *)-1) {
			bad++;
			printf("iconv_open %s -> %s: glibc %p qsoe %p\n", from, to, (void *)g, q);
			continue;
		}
		errno = 0;
		q_errno = 0;
		size_t gr = iconv(g, &gi, &gil, &go, &gol);
		int ge = errno;
		size_t qr = q_iconv(q, &qi, &qil, &qo, &qol);
		int qe = q_errno;
		iconv_close(g);
		q_iconv_close(q);
		cases++;
		int ge_q = ge == EILSEQ ? QE_ILSEQ : ge == E2BIG ? 7 : ge == EINVAL ? QE_INVAL : ge;
		int same = gr == qr && (gr != (size_t)-1 || ge_q == qe) && gi - src == qi - src &&
		           go - gout == qo - qout && memcmp(gout, qout, (size_t)(go - gout)) == 0;
		if (!same && bad++ < 8)
			printf("iconv %s -> %s (%zu bytes, out %zu): glibc %zd/%d at %td->%td, "
			       "qsoe %zd/%d at %td->%td\n",
			       from, to, srclen, outsz, (ssize_t)gr, ge, gi - src, go - gout,
			       (ssize_t)qr, qe, qi - src, qo - qout);
	}
	CHECK(bad == 0 && cases > 2000, "iconv as glibc over %d random conversions (%d differ)",
	      cases, bad);

	/* errors, //TRANSLIT, //IGNORE */
	q_errno = 0;
	CHECK(q_iconv_open("EBCDIC", "UTF-8") == (void *)-1 && q_errno == QE_INVAL,
	      "an unknown encoding: EINVAL");
	void *q = q_iconv_open("ASCII//TRANSLIT", "UTF-8");
	char in[] = "caf\xc3\xa9!", out[16], *ip = in, *op = out;
	size_t il = strlen(in), ol = sizeof(out);
	CHECK(q_iconv(q, &ip, &il, &op, &ol) == 1 && op - out == 5 && memcmp(out, "caf?!", 5) == 0,
	      "//TRANSLIT: one irreversible '?'");
	q_iconv_close(q);
	q = q_iconv_open("latin1//IGNORE", "utf8");
	char in2[] = "a\xe4\xb8\x80"
	             "b\xff"
	             "c",
	     *ip2 = in2;
	ip = in2;
	il = strlen(in2);
	op = out;
	ol = sizeof(out);
	q_errno = 0;
	CHECK(q_iconv(q, &ip, &il, &op, &ol) == (size_t)-1 && q_errno == QE_ILSEQ && il == 0 &&
	              op - out == 3 && memcmp(out, "abc", 3) == 0,
	      "//IGNORE: skips and reports EILSEQ at the end");
	q_iconv_close(q);
	(void)ip2;
	q = q_iconv_open("UTF-16LE", "UTF-8");
	char in3[] = "x\xe4\xb8";
	ip = in3;
	il = 3;
	op = out;
	ol = sizeof(out);
	q_errno = 0;
	CHECK(q_iconv(q, &ip, &il, &op, &ol) == (size_t)-1 && q_errno == QE_INVAL && il == 2 &&
	              op - out == 2,
	      "an incomplete sequence at the end: EINVAL, left unconsumed");
	CHECK(q_iconv(q, NULL, NULL, NULL, NULL) == 0, "a reset");
	q_iconv_close(q);
	q_errno = 0;
	CHECK(q_iconv_close((void *)-1) == -1 && q_errno == QE_BADF, "closing (iconv_t)-1: EBADF");
}

int main(void)
{
	test_iconv();
	test_wide_printf();
	test_small();
	test_verscmp();
	test_uchar();
	test_stdio_ext();
	return qt_done("libc-ext");
}
