/*
 * g_libc_string.c - group "libc_string": string.h, strings.h and ctype.h
 * inside QSOE (the optimised word-at-a-time routines on the real RISC-V
 * target, at every alignment, checked against byte-by-byte loops written
 * here), strerror/strsignal/strerror_r, strtok_r, and the UTF-8 wide
 * character basics the shell's line editor uses (mbrtowc, wcrtomb,
 * wcwidth).
 */
#include <ctype.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>
#include "suite.h"

/* A reference strlen/memcmp/memchr, one byte at a time. */
static size_t ref_strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

static int sign(int v)
{
	return (v > 0) - (v < 0);
}

static int ref_memcmp(const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* The word-at-a-time routines at every alignment and length up to 70. */
static void aligned_routines(void)
{
	static unsigned char a[256], b[256];
	int bad_len = 0, bad_cpy = 0, bad_cmp = 0, bad_chr = 0, bad_set = 0, bad_move = 0;

	for (int al = 0; al < 16; al++) {
		for (size_t len = 0; len < 70; len++) {
			for (size_t i = 0; i < sizeof(a); i++)
				a[i] = (unsigned char)(i * 7 + 1 + al);
			a[al + len] = 0;
			bad_len += strlen((char *)a + al) != ref_strlen((char *)a + al);
			memset(b, 0xee, sizeof(b));
			memcpy(b + (15 - al), a + al, len);
			bad_cpy += ref_memcmp(b + 15 - al, a + al, len) != 0 ||
			           b[15 - al + len] != 0xee || (15 - al > 0 && b[14 - al] != 0xee);
			if (len) {
				b[15 - al + len - 1] ^= 0x80;
				bad_cmp += sign(memcmp(b + 15 - al, a + al, len)) !=
				           ref_memcmp(b + 15 - al, a + al, len);
				b[15 - al + len - 1] ^= 0x80;
			}
			bad_cmp += memcmp(b + 15 - al, a + al, len) != 0;
			unsigned char want = (unsigned char)(len * 7 + 1 + al);
			void *p = memchr(a, want, al + len + 1);
			void *q = NULL;
			for (size_t i = 0; i < al + len + 1; i++)
				if (a[i] == want) {
					q = &a[i];
					break;
				}
			bad_chr += p != q;
			memset(b + al, 0x5a, len);
			for (size_t i = 0; i < len; i++)
				bad_set += b[al + i] != 0x5a;
			/* overlapping moves, both directions */
			for (size_t i = 0; i < sizeof(a); i++)
				a[i] = (unsigned char)i;
			memmove(a + al + 3, a + al, len);
			for (size_t i = 0; i < len; i++)
				bad_move += a[al + 3 + i] != (unsigned char)(al + i);
			for (size_t i = 0; i < sizeof(a); i++)
				a[i] = (unsigned char)i;
			memmove(a + al, a + al + 5, len);
			for (size_t i = 0; i < len; i++)
				bad_move += a[al + i] != (unsigned char)(al + 5 + i);
		}
	}
	CHECK(bad_len == 0, "strlen at every alignment (%d wrong)", bad_len);
	CHECK(bad_cpy == 0, "memcpy at every alignment, no byte past the end (%d wrong)", bad_cpy);
	CHECK(bad_cmp == 0, "memcmp signs (%d wrong)", bad_cmp);
	CHECK(bad_chr == 0, "memchr finds the first (%d wrong)", bad_chr);
	CHECK(bad_set == 0, "memset (%d wrong)", bad_set);
	CHECK(bad_move == 0, "overlapping memmove both ways (%d wrong)", bad_move);
}

SUITE_GROUP(libc_string)
{
	aligned_routines();

	char buf[64];
	CHECK(strcmp(strcpy(buf, "hello"), "hello") == 0, "strcpy");
	CHECK(strcmp(strcat(buf, ", world"), "hello, world") == 0, "strcat");
	CHECK(strncmp("abcdef", "abcxyz", 3) == 0 && strncmp("abcdef", "abcxyz", 4) < 0, "strncmp");
	CHECK(strcmp("a\xff", "a\x01") > 0, "strcmp compares as unsigned char");
	CHECK(strchr("abcabc", 'c') - (const char *)"abcabc" >= 0, "strchr");
	const char *s = "path/to/file";
	CHECK(strrchr(s, '/') == s + 7 && strchr(s, 0) == s + 12, "strrchr, strchr of NUL");
	CHECK(strstr("needle in a haystack", "hay") != NULL &&
	              strcmp(strstr("needle in a haystack", "hay"), "haystack") == 0,
	      "strstr");
	CHECK(strstr("aaaaaaaaab", "aaab") != NULL && strstr("abc", "abd") == NULL, "strstr (2)");
	CHECK(strspn("  \tx", " \t") == 3 && strcspn("abc;def", ";,") == 3, "strspn, strcspn");
	CHECK(strpbrk("hello world", "ow") != NULL && *strpbrk("hello world", "ow") == 'o',
	      "strpbrk");
	CHECK(strnlen("abcdef", 3) == 3 && strnlen("ab", 10) == 2, "strnlen");
	char *d = strdup("duplicate");
	CHECK(d && strcmp(d, "duplicate") == 0, "strdup");
	free(d);
	d = strndup("duplicate", 3);
	CHECK(d && strcmp(d, "dup") == 0, "strndup");
	free(d);
	CHECK(stpcpy(buf, "ab") == buf + 2, "stpcpy returns the end");
	CHECK(memmem("xxabcxx", 7, "abc", 3) != NULL && memmem("xx", 2, "abc", 3) == NULL,
	      "memmem");

	char line[] = "a,b,,c";
	char *save, *tok;
	int ntok = 0;
	char joined[16] = "";
	for (tok = strtok_r(line, ",", &save); tok; tok = strtok_r(NULL, ",", &save), ntok++)
		strcat(joined, tok);
	CHECK(ntok == 3 && strcmp(joined, "abc") == 0, "strtok_r skips empty fields (%d: %s)", ntok,
	      joined);
	char line2[] = "a,b,,c";
	char *p = line2;
	ntok = 0;
	while (strsep(&p, ",") != NULL)
		ntok++;
	CHECK(ntok == 4, "strsep keeps empty fields (%d)", ntok);

	CHECK(strcasecmp("HeLLo", "hello") == 0 && strncasecmp("ABCd", "abcE", 3) == 0,
	      "strcasecmp");
	CHECK(ffs(0) == 0 && ffs(1) == 1 && ffs(0x80) == 8 && ffsl(1L << 40) == 41, "ffs, ffsl");

	CHECK(strcmp(strerror(ENOENT), "No such file or directory") == 0, "strerror(ENOENT)");
	CHECK(strerror(12345) != NULL && strlen(strerror(12345)) > 0, "strerror of an unknown");
	char eb[8];
	CHECK(strerror_r(ENOENT, eb, sizeof(eb)) == ERANGE, "strerror_r into a short buffer");
	char eb2[128];
	CHECK(strerror_r(EINVAL, eb2, sizeof(eb2)) == 0 && strcmp(eb2, "Invalid argument") == 0,
	      "strerror_r(EINVAL): %s", eb2);
	CHECK(strsignal(SIGINT) != NULL && strstr(strsignal(SIGINT), "nterrupt") != NULL,
	      "strsignal(SIGINT): %s", strsignal(SIGINT));
	CHECK(EAGAIN == 11 && ENOSYS == 89 && ETIMEDOUT == 260 && ENOTSUP == 48,
	      "errno values are QNX's");

	/* ctype in the C locale: only ASCII is classified */
	int bad = 0;
	for (int c = 0; c < 256; c++) {
		bad += !!isdigit(c) != (c >= '0' && c <= '9');
		bad += !!isalpha(c) != ((c | 32) >= 'a' && (c | 32) <= 'z');
		bad += !!isspace(c) != (c == ' ' || (c >= '\t' && c <= '\r'));
		bad += !!isupper(c) != (c >= 'A' && c <= 'Z');
		bad += toupper(c) != (c >= 'a' && c <= 'z' ? c - 32 : c);
		bad += !!isprint(c) != (c >= 0x20 && c < 0x7f);
		bad += !!isxdigit(c) != (isdigit(c) || ((c | 32) >= 'a' && (c | 32) <= 'f'));
	}
	CHECK(bad == 0, "ctype over all 256 bytes (%d wrong)", bad);
	CHECK(isalpha(EOF) == 0 && tolower(EOF) == EOF, "ctype of EOF");

	/* UTF-8 */
	CHECK(setlocale(LC_CTYPE, "C.UTF-8") != NULL, "setlocale C.UTF-8");
	mbstate_t st;
	memset(&st, 0, sizeof(st));
	wchar_t wc = 0;
	CHECK(mbrtowc(&wc, "\xe2\x82\xac", 3, &st) == 3 && wc == 0x20ac,
	      "mbrtowc of the euro sign");
	CHECK(mbrtowc(&wc, "\xf0\x9f", 2, &st) == (size_t)-2, "an incomplete sequence: -2");
	CHECK(mbrtowc(&wc, "\x98\x80", 2, &st) == 2 && wc == 0x1f600, "... completed: U+1F600");
	memset(&st, 0, sizeof(st));
	errno = 0;
	CHECK(mbrtowc(&wc, "\xc0\x80", 2, &st) == (size_t)-1 && errno == EILSEQ,
	      "an overlong form is EILSEQ");
	memset(&st, 0, sizeof(st));
	char mb[MB_LEN_MAX];
	CHECK(wcrtomb(mb, 0x10348, &st) == 4 && memcmp(mb, "\xf0\x90\x8d\x88", 4) == 0,
	      "wcrtomb of U+10348");
	CHECK(wcrtomb(mb, 0xd800, &st) == (size_t)-1, "a surrogate cannot be encoded");
	CHECK(wcwidth(L'a') == 1 && wcwidth(0x4e00) == 2 && wcwidth(0x301) == 0 && wcwidth(7) == -1,
	      "wcwidth: ASCII 1, CJK 2, combining 0, control -1");
	CHECK(wcswidth(L"a\x4e00", 2) == 3, "wcswidth");
	CHECK(MB_CUR_MAX == 4, "MB_CUR_MAX in C.UTF-8 (%zu)", MB_CUR_MAX);
	wchar_t ws[8];
	CHECK(mbstowcs(ws, "h\xc3\xa9!", 8) == 3 && ws[1] == 0xe9, "mbstowcs");
	setlocale(LC_CTYPE, "C");
	CHECK(MB_CUR_MAX == 1, "MB_CUR_MAX back in C (%zu)", MB_CUR_MAX);
}
