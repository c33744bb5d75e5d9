/*
 * mbrtowc.c - multibyte <-> wide conversion of one character: mbrtowc,
 * mbrlen, mbsinit, wcrtomb, btowc, wctob, mbtowc, wctomb, mblen.
 *
 * In C.UTF-8 the encoding is strict UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF). In "C" every byte is one character:
 * bytes 0x80-0xff map to U+0080-U+00FF and back.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "libc.h"
#include "locale_impl.h"

/*
 * Conversion state: __need holds the continuation bytes still expected in
 * its low byte and the sequence length in the next byte; __wc the bits so
 * far. A zeroed state is the initial state.
 */

/* Valid range of the second byte after lead byte value v for a len-byte sequence. */
static int second_ok(unsigned v, unsigned len, unsigned b)
{
	if (len == 3 && v == 0)
		return b >= 0xa0; /* E0: no overlong */
	if (len == 3 && v == 0xd)
		return b <= 0x9f; /* ED: no surrogates */
	if (len == 4 && v == 0)
		return b >= 0x90; /* F0: no overlong */
	if (len == 4 && v == 4)
		return b <= 0x8f; /* F4: not above U+10FFFF */
	return 1;
}

static mbstate_t internal_mbrtowc, internal_mbrlen, internal_wcrtomb;

/*
 * Convert the next character of s (at most n bytes) to *pwc. Returns the
 * bytes used, 0 for the null character, (size_t)-2 if the n bytes are an
 * incomplete character (state saved), or (size_t)-1 with EILSEQ.
 */
size_t mbrtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n,
               mbstate_t *__restrict ps)
{
	const unsigned char *p = (const unsigned char *)s;
	wchar_t dummy;

	if (!ps)
		ps = &internal_mbrtowc;
	if (!s) {
		s = "";
		p = (const unsigned char *)s;
		n = 1;
		pwc = NULL;
	}
	if (!pwc)
		pwc = &dummy;
	if (n == 0)
		return (size_t)-2;
	if (!__qsoe_utf8()) {
		*pwc = *p;
		memset(ps, 0, sizeof(*ps));
		return *p ? 1 : 0;
	}
	unsigned need = ps->__need & 0xff, len = ps->__need >> 8 & 0xff;
	unsigned wc = ps->__wc;
	size_t used = 0;
	if (!need) {
		unsigned b = *p;
		if (b < 0x80) {
			*pwc = (wchar_t)b;
			return b ? 1 : 0;
		}
		if (b < 0xc2 || b > 0xf4) {
			errno = EILSEQ;
			return (size_t)-1;
		}
		len = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
		need = len - 1;
		wc = b & (0x7f >> len);
		used = 1;
	}
	while (need) {
		if (used == n) {
			ps->__wc = wc;
			ps->__need = len << 8 | need;
			return (size_t)-2;
		}
		unsigned b = p[used];
		if ((b & 0xc0) != 0x80 || (need == len - 1 && !second_ok(wc, len, b))) {
			memset(ps, 0, sizeof(*ps));
			errno = EILSEQ;
			return (size_t)-1;
		}
		wc = wc << 6 | (b & 0x3f);
		need--;
		used++;
	}
	memset(ps, 0, sizeof(*ps));
	*pwc = (wchar_t)wc;
	return wc ? used : 0;
}

/* Bytes of the next character of s (like mbrtowc without storing). */
size_t mbrlen(const char *__restrict s, size_t n, mbstate_t *__restrict ps)
{
	return mbrtowc(NULL, s, n, ps ? ps : &internal_mbrlen);
}

/* Nonzero if ps is NULL or in the initial state. */
int mbsinit(const mbstate_t *ps)
{
	return !ps || !(ps->__need & 0xff);
}

/*
 * Store the multibyte form of wc in s (at most MB_CUR_MAX bytes); returns
 * its length or (size_t)-1 with EILSEQ for a value the locale cannot
 * encode. s NULL resets the state and returns 1.
 */
size_t wcrtomb(char *__restrict s, wchar_t wc, mbstate_t *__restrict ps)
{
	unsigned u = (unsigned)wc;

	if (!ps)
		ps = &internal_wcrtomb;
	if (!s) {
		memset(ps, 0, sizeof(*ps));
		return 1;
	}
	if (!__qsoe_utf8()) {
		if (u > 0xff) {
			errno = EILSEQ;
			return (size_t)-1;
		}
		*s = (char)u;
		return 1;
	}
	if (u < 0x80) {
		*s = (char)u;
		return 1;
	}
	if (u < 0x800) {
		s[0] = (char)(0xc0 | u >> 6);
		s[1] = (char)(0x80 | (u & 0x3f));
		return 2;
	}
	if (u < 0x10000) {
		if (u >= 0xd800 && u <= 0xdfff) {
			errno = EILSEQ;
			return (size_t)-1;
		}
		s[0] = (char)(0xe0 | u >> 12);
		s[1] = (char)(0x80 | (u >> 6 & 0x3f));
		s[2] = (char)(0x80 | (u & 0x3f));
		return 3;
	}
	if (u <= 0x10ffff) {
		s[0] = (char)(0xf0 | u >> 18);
		s[1] = (char)(0x80 | (u >> 12 & 0x3f));
		s[2] = (char)(0x80 | (u >> 6 & 0x3f));
		s[3] = (char)(0x80 | (u & 0x3f));
		return 4;
	}
	errno = EILSEQ;
	return (size_t)-1;
}

/* The wide character of single byte c, or WEOF if c does not form one. */
wint_t btowc(int c)
{
	if (c == EOF)
		return WEOF;
	c = (unsigned char)c;
	if (c < 0x80 || !__qsoe_utf8())
		return (wint_t)c;
	return WEOF;
}

/* The single byte of wide character c, or EOF if it needs more bytes. */
int wctob(wint_t c)
{
	if (c < 0x80 || (!__qsoe_utf8() && c < 0x100))
		return (int)c;
	return EOF;
}

/* mbrtowc with an internal state, returning int (ISO C). */
int mbtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n)
{
	static mbstate_t st;

	if (!s) {
		memset(&st, 0, sizeof(st));
		return 0; /* UTF-8 has no shift states */
	}
	size_t r = mbrtowc(pwc, s, n, &st);
	if (r == (size_t)-2) {
		memset(&st, 0, sizeof(st));
		errno = EILSEQ;
		return -1;
	}
	return r == (size_t)-1 ? -1 : (int)r;
}

/* wcrtomb returning int; s NULL: 0 (no shift states). */
int wctomb(char *s, wchar_t wc)
{
	if (!s)
		return 0;
	size_t r = wcrtomb(s, wc, NULL);
	return r == (size_t)-1 ? -1 : (int)r;
}

/* Bytes of the character at s (at most n), 0 for NUL, -1 if invalid. */
int mblen(const char *s, size_t n)
{
	return mbtowc(NULL, s, n);
}
