/*
 * wcsto.c - wide string to number: wcstol, wcstoll, wcstoul, wcstoull,
 * wcstoimax, wcstoumax, wcstof, wcstod, wcstold. The digits of a number are
 * ASCII, so the longest ASCII prefix is converted with the narrow functions
 * and the end position mapped back one to one.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "libc.h"

/* Narrow copy of the leading ASCII characters of s; NULL on ENOMEM. */
static char *narrow(const wchar_t *s, char *small, size_t smallsize)
{
	size_t n = 0;

	while (s[n] > 0 && s[n] < 0x80)
		n++;
	char *b = n < smallsize ? small : malloc(n + 1);
	if (!b)
		return NULL;
	for (size_t i = 0; i < n; i++)
		b[i] = (char)s[i];
	b[n] = '\0';
	return b;
}

#define WRAP(name, narrowfn, type, ...)                                              \
	type name(const wchar_t *__restrict s, wchar_t **__restrict end __VA_ARGS__) \
	{                                                                            \
		char small[128], *e;                                                 \
		char *b = narrow(s, small, sizeof(small));                           \
		if (!b) {                                                            \
			if (end)                                                     \
				*end = (wchar_t *)s;                                 \
			return 0;                                                    \
		}                                                                    \
		type r = narrowfn;                                                   \
		if (end)                                                             \
			*end = (wchar_t *)s + (e - b);                               \
		if (b != small)                                                      \
			free(b);                                                     \
		return r;                                                            \
	}

WRAP(wcstol, strtol(b, &e, base), long, , int base)
WRAP(wcstoll, strtoll(b, &e, base), long long, , int base)
WRAP(wcstoul, strtoul(b, &e, base), unsigned long, , int base)
WRAP(wcstoull, strtoull(b, &e, base), unsigned long long, , int base)
WRAP(wcstoimax, strtoimax(b, &e, base), intmax_t, , int base)
WRAP(wcstoumax, strtoumax(b, &e, base), uintmax_t, , int base)
WRAP(wcstof, strtof(b, &e), float)
WRAP(wcstod, strtod(b, &e), double)
WRAP(wcstold, strtold(b, &e), long double)
