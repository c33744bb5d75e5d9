/*
 * strcasecmp.c - case-insensitive comparison (ASCII letters only, which
 * is exact for the C and C.UTF-8 locales' single-byte case mapping).
 */
#include <strings.h>
#include <string.h>
#include "libc.h"

static inline int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* Compare ignoring case; returns <0, 0 or >0. */
int strcasecmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p && lower(*p) == lower(*q)) {
		p++;
		q++;
	}
	return lower(*p) - lower(*q);
}

/* Compare at most n bytes ignoring case. */
int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	if (!n)
		return 0;
	while (--n && *p && lower(*p) == lower(*q)) {
		p++;
		q++;
	}
	return lower(*p) - lower(*q);
}

/* strcasecmp with an explicit locale. */
int strcasecmp_l(const char *a, const char *b, locale_t l)
{
	(void)l;
	return strcasecmp(a, b);
}

/* strncasecmp with an explicit locale. */
int strncasecmp_l(const char *a, const char *b, size_t n, locale_t l)
{
	(void)l;
	return strncasecmp(a, b, n);
}

/* First occurrence of needle in hay ignoring case, or NULL. O(n*m). */
char *strcasestr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return (char *)hay;
	return n ? NULL : (char *)hay;
}
