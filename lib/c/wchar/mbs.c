/*
 * mbs.c - multibyte <-> wide string conversion: mbsrtowcs, mbsnrtowcs,
 * wcsrtombs, wcsnrtombs, mbstowcs, wcstombs.
 */
#include <errno.h>
#include <string.h>
#include <wchar.h>
#include "libc.h"

/*
 * Convert at most nms bytes of *src to at most len wide characters in dst
 * (dst NULL: only count). Stops at the NUL (stored; *src becomes NULL).
 * Returns the characters converted, or (size_t)-1 with EILSEQ.
 */
size_t mbsnrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t nms, size_t len,
                  mbstate_t *__restrict ps)
{
	static mbstate_t internal;
	const char *s = *src;
	size_t n = 0;
	wchar_t wc;

	if (!ps)
		ps = &internal;
	while (!dst || n < len) {
		size_t r = mbrtowc(&wc, s, nms, ps);
		if (r == (size_t)-1) {
			if (dst)
				*src = s;
			return (size_t)-1;
		}
		if (r == (size_t)-2) {
			s += nms; /* incomplete character: consumed into the state */
			break;
		}
		if (dst)
			dst[n] = wc;
		if (r == 0) {
			if (dst)
				*src = NULL;
			return n;
		}
		s += r;
		nms -= r;
		n++;
	}
	if (dst)
		*src = s;
	return n;
}

size_t mbsrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t len,
                 mbstate_t *__restrict ps)
{
	return mbsnrtowcs(dst, src, (size_t)-1, len, ps);
}

/*
 * Convert at most nwc wide characters of *src to at most len bytes in dst
 * (dst NULL: only count), never splitting a character. Returns the bytes
 * stored (NUL excluded) or (size_t)-1 with EILSEQ.
 */
size_t wcsnrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t nwc, size_t len,
                  mbstate_t *__restrict ps)
{
	const wchar_t *s = *src;
	size_t n = 0;
	char buf[8];

	(void)ps;
	for (; nwc; nwc--, s++) {
		size_t r = wcrtomb(buf, *s, NULL);
		if (r == (size_t)-1) {
			if (dst)
				*src = s;
			return (size_t)-1;
		}
		if (dst) {
			if (n + r > len) {
				*src = s;
				return n;
			}
			memcpy(dst + n, buf, r);
		}
		if (!*s) {
			if (dst)
				*src = NULL;
			return n;
		}
		n += r;
	}
	if (dst)
		*src = s;
	return n;
}

size_t wcsrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t len,
                 mbstate_t *__restrict ps)
{
	return wcsnrtombs(dst, src, (size_t)-1, len, ps);
}

size_t mbstowcs(wchar_t *__restrict dst, const char *__restrict src, size_t n)
{
	mbstate_t st;
	const char *s = src;

	memset(&st, 0, sizeof(st));
	return mbsrtowcs(dst, &s, n, &st);
}

size_t wcstombs(char *__restrict dst, const wchar_t *__restrict src, size_t n)
{
	mbstate_t st;
	const wchar_t *s = src;

	memset(&st, 0, sizeof(st));
	return wcsrtombs(dst, &s, n, &st);
}
