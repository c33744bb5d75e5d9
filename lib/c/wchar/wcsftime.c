/*
 * wcsftime.c - wide-character strftime: formats with strftime on the
 * narrow form of the format and converts the result.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>
#include "libc.h"

/*
 * Format tm according to the wide format fmt into s (at most max wide
 * characters including the NUL). Returns the characters stored without
 * the NUL, or 0 if they do not fit or the format cannot be converted.
 */
size_t wcsftime(wchar_t *__restrict s, size_t max, const wchar_t *__restrict fmt,
                const struct tm *__restrict tm)
{
	const wchar_t *f = fmt;
	size_t flen = wcsrtombs(NULL, &f, 0, NULL);

	if (flen == (size_t)-1 || max == 0)
		return 0;
	char *nf = malloc(flen + 1);
	size_t cap = max * 4 + 64;
	char *out = malloc(cap);
	size_t r = 0;
	if (nf && out) {
		f = fmt;
		wcsrtombs(nf, &f, flen + 1, NULL);
		size_t n = strftime(out, cap, nf, tm);
		if (n || !*nf) {
			const char *p = out;
			r = mbsrtowcs(s, &p, max, NULL);
			if (r == (size_t)-1 || r >= max)
				r = 0;
			else
				s[r] = 0;
		}
	}
	free(nf);
	free(out);
	return r;
}
