/*
 * wcs.c - wide string functions: wcslen, wcsnlen, wcscpy, wcsncpy, wcpcpy,
 * wcpncpy, wcscat, wcsncat, wcscmp, wcsncmp, wcscasecmp, wcsncasecmp,
 * wcscoll, wcsxfrm, wcschr, wcsrchr, wcscspn, wcsspn, wcspbrk, wcsstr,
 * wcstok, wcsdup and the wmem* functions. Comparison is by code point.
 */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>
#include "libc.h"

size_t wcslen(const wchar_t *s)
{
	const wchar_t *p = s;

	while (*p)
		p++;
	return (size_t)(p - s);
}

size_t wcsnlen(const wchar_t *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

wchar_t *wcpcpy(wchar_t *__restrict d, const wchar_t *__restrict s)
{
	while ((*d = *s++))
		d++;
	return d;
}

wchar_t *wcscpy(wchar_t *__restrict d, const wchar_t *__restrict s)
{
	wcpcpy(d, s);
	return d;
}

/* Copy at most n characters and pad with NULs; returns d + (characters copied). */
wchar_t *wcpncpy(wchar_t *__restrict d, const wchar_t *__restrict s, size_t n)
{
	size_t k = wcsnlen(s, n);

	wmemcpy(d, s, k);
	wmemset(d + k, 0, n - k);
	return d + k;
}

wchar_t *wcsncpy(wchar_t *__restrict d, const wchar_t *__restrict s, size_t n)
{
	wcpncpy(d, s, n);
	return d;
}

wchar_t *wcscat(wchar_t *__restrict d, const wchar_t *__restrict s)
{
	wcscpy(d + wcslen(d), s);
	return d;
}

wchar_t *wcsncat(wchar_t *__restrict d, const wchar_t *__restrict s, size_t n)
{
	wchar_t *p = d + wcslen(d);
	size_t k = wcsnlen(s, n);

	wmemcpy(p, s, k);
	p[k] = 0;
	return d;
}

/* Compare code points (as wchar_t values). */
int wcscmp(const wchar_t *a, const wchar_t *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a < *b ? -1 : *a > *b;
}

int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return *a < *b ? -1 : 1;
		if (!*a)
			return 0;
	}
	return 0;
}

int wcscasecmp(const wchar_t *a, const wchar_t *b)
{
	return wcsncasecmp(a, b, (size_t)-1);
}

int wcsncasecmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n; n--, a++, b++) {
		wint_t x = towlower((wint_t)*a), y = towlower((wint_t)*b);
		if (x != y)
			return x < y ? -1 : 1;
		if (!x)
			return 0;
	}
	return 0;
}

int wcscoll(const wchar_t *a, const wchar_t *b)
{
	return wcscmp(a, b);
}

size_t wcsxfrm(wchar_t *__restrict d, const wchar_t *__restrict s, size_t n)
{
	size_t len = wcslen(s);

	if (len < n)
		wmemcpy(d, s, len + 1);
	return len;
}

wchar_t *wcschr(const wchar_t *s, wchar_t c)
{
	for (;; s++) {
		if (*s == c)
			return (wchar_t *)s;
		if (!*s)
			return NULL;
	}
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c)
{
	const wchar_t *r = NULL;

	for (;; s++) {
		if (*s == c)
			r = s;
		if (!*s)
			return (wchar_t *)r;
	}
}

size_t wcscspn(const wchar_t *s, const wchar_t *reject)
{
	const wchar_t *p = s;

	for (; *p; p++)
		if (wcschr(reject, *p))
			break;
	return (size_t)(p - s);
}

size_t wcsspn(const wchar_t *s, const wchar_t *accept)
{
	const wchar_t *p = s;

	for (; *p; p++)
		if (!wcschr(accept, *p))
			break;
	return (size_t)(p - s);
}

wchar_t *wcspbrk(const wchar_t *s, const wchar_t *accept)
{
	s += wcscspn(s, accept);
	return *s ? (wchar_t *)s : NULL;
}

/* First occurrence of needle in hay (quadratic in the worst case). */
wchar_t *wcsstr(const wchar_t *__restrict hay, const wchar_t *__restrict needle)
{
	size_t n = wcslen(needle);

	if (!n)
		return (wchar_t *)hay;
	for (; (hay = wcschr(hay, *needle)); hay++)
		if (!wcsncmp(hay, needle, n))
			return (wchar_t *)hay;
	return NULL;
}

/* Tokens of s separated by characters of delim (state in *save). */
wchar_t *wcstok(wchar_t *__restrict s, const wchar_t *__restrict delim, wchar_t **__restrict save)
{
	if (!s)
		s = *save;
	if (!s)
		return NULL;
	s += wcsspn(s, delim);
	if (!*s) {
		*save = NULL;
		return NULL;
	}
	wchar_t *e = s + wcscspn(s, delim);
	if (*e)
		*e++ = 0;
	else
		e = NULL;
	*save = e;
	return s;
}

wchar_t *wcsdup(const wchar_t *s)
{
	size_t n = wcslen(s) + 1;
	wchar_t *d = malloc(n * sizeof(wchar_t));

	return d ? wmemcpy(d, s, n) : NULL;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n)
{
	for (; n; n--, s++)
		if (*s == c)
			return (wchar_t *)s;
	return NULL;
}

int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b)
			return *a < *b ? -1 : 1;
	return 0;
}

wchar_t *wmemcpy(wchar_t *__restrict d, const wchar_t *__restrict s, size_t n)
{
	memcpy(d, s, n * sizeof(wchar_t));
	return d;
}

wchar_t *wmemmove(wchar_t *d, const wchar_t *s, size_t n)
{
	memmove(d, s, n * sizeof(wchar_t));
	return d;
}

wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i] = c;
	return s;
}
