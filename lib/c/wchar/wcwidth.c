/*
 * wcwidth.c - display width of wide characters (POSIX XSI wcwidth,
 * wcswidth) in terminal columns: 0 for NUL, combining marks, format
 * characters (except U+00AD) and Hangul medial/final jamo; 2 for East
 * Asian Wide and Fullwidth characters; -1 for controls, surrogates,
 * unassigned code points and line/paragraph separators; 1 otherwise.
 * The "C" locale has only U+0000..U+00FF: printable ASCII is 1 column.
 */
#include <wchar.h>
#include "libc.h"
#include "locale_impl.h"
#include "unicode_tables.h"

static int in_ranges(const uint32_t (*t)[2], size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < t[mid][0])
			hi = mid;
		else if (c > t[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

#define IN(tab, c) in_ranges(tab, sizeof(tab) / sizeof(tab[0]), (uint32_t)(c))

/* Columns wc occupies, or -1 if it is not printable. */
int wcwidth(wchar_t wc)
{
	uint32_t c = (uint32_t)wc;

	if (c == 0)
		return 0;
	if (c >= 0x20 && c < 0x7f)
		return 1;
	if (!__qsoe_utf8())
		return -1;
	if (c >= 0x110000 || !IN(print_tab, c))
		return -1;
	if (IN(zero_tab, c))
		return 0;
	return IN(wide_tab, c) ? 2 : 1;
}

/* Columns of the first n characters of s (up to a NUL), or -1 if one is not printable. */
int wcswidth(const wchar_t *s, size_t n)
{
	int w = 0;

	for (; n && *s; n--, s++) {
		int k = wcwidth(*s);
		if (k < 0)
			return -1;
		w += k;
	}
	return w;
}
