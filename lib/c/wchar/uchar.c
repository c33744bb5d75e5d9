/*
 * uchar.c - <uchar.h>: mbrtoc32/c32rtomb (a char32_t is a wchar_t: a
 * Unicode code point) and mbrtoc16/c16rtomb (UTF-16: characters above
 * U+FFFF are a pair of surrogates).
 *
 * The state of a surrogate pair is kept in the mbstate_t beside the
 * multibyte state of mbrtowc (which uses only the low 16 bits of __need):
 * PEND_LOW means mbrtoc16 still owes the low surrogate in __wc; PEND_HIGH
 * means c16rtomb has stored a high surrogate in __wc and waits for the low
 * one.
 */
#include <errno.h>
#include <string.h>
#include <uchar.h>

#define PEND_LOW  0x10000u
#define PEND_HIGH 0x20000u

static mbstate_t internal16, internal16out, internal32, internal32out;

/* As mbrtowc, storing the code point as a char32_t. */
size_t mbrtoc32(char32_t *__restrict pc32, const char *__restrict s, size_t n,
                mbstate_t *__restrict ps)
{
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, ps ? ps : &internal32);

	if (pc32 && s && r <= n)
		*pc32 = (char32_t)wc;
	return r;
}

/* As wcrtomb for the code point c32 (EILSEQ for a surrogate or above U+10FFFF). */
size_t c32rtomb(char *__restrict s, char32_t c32, mbstate_t *__restrict ps)
{
	if (c32 > 0x10ffff && s) {
		errno = EILSEQ;
		return (size_t)-1;
	}
	return wcrtomb(s, (wchar_t)c32, ps ? ps : &internal32out);
}

/*
 * Converts the next multibyte character to UTF-16. Returns as mbrtowc,
 * or (size_t)-3 when it stores the low surrogate of the previous
 * character (consuming no input).
 */
size_t mbrtoc16(char16_t *__restrict pc16, const char *__restrict s, size_t n,
                mbstate_t *__restrict ps)
{
	if (!ps)
		ps = &internal16;
	if (!s) {
		s = "";
		n = 1;
		pc16 = NULL;
	}
	if (ps->__need & PEND_LOW) {
		if (pc16)
			*pc16 = (char16_t)ps->__wc;
		ps->__need = 0;
		ps->__wc = 0;
		return (size_t)-3;
	}
	wchar_t wc;
	size_t r = mbrtowc(&wc, s, n, ps);
	if (r > n) /* -1 or -2 */
		return r;
	unsigned u = (unsigned)wc;
	if (u >= 0x10000) {
		u -= 0x10000;
		if (pc16)
			*pc16 = (char16_t)(0xd800 + (u >> 10));
		ps->__wc = 0xdc00 + (u & 0x3ff);
		ps->__need = PEND_LOW;
		return r;
	}
	if (pc16)
		*pc16 = (char16_t)u;
	return r;
}

/*
 * Converts one UTF-16 unit: a high surrogate is remembered (returns 0),
 * the low one that follows produces the character. A lone or reversed
 * surrogate is EILSEQ.
 */
size_t c16rtomb(char *__restrict s, char16_t c16, mbstate_t *__restrict ps)
{
	if (!ps)
		ps = &internal16out;
	if (!s) {
		memset(ps, 0, sizeof(*ps));
		return 1;
	}
	unsigned u = c16;
	if (ps->__need & PEND_HIGH) {
		unsigned hi = ps->__wc;
		memset(ps, 0, sizeof(*ps));
		if (u < 0xdc00 || u > 0xdfff) {
			errno = EILSEQ;
			return (size_t)-1;
		}
		return wcrtomb(s, (wchar_t)(0x10000 + ((hi - 0xd800) << 10) + (u - 0xdc00)), ps);
	}
	if (u >= 0xd800 && u <= 0xdbff) {
		ps->__wc = u;
		ps->__need = PEND_HIGH;
		return 0;
	}
	if (u >= 0xdc00 && u <= 0xdfff) {
		errno = EILSEQ;
		return (size_t)-1;
	}
	return wcrtomb(s, (wchar_t)u, ps);
}
