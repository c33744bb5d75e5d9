/*
 * strtol.c - string to integer: strtol, strtoll, strtoul, strtoull,
 * strtoimax, strtoumax, atoi, atol, atoll.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include "libc.h"

/* Value of digit c in bases up to 36, or 99. */
static int digit(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	return 99;
}

/*
 * Parse an integer as strtoull does. lim is the largest magnitude allowed
 * for a positive result, neglim for a negative one; lim == neglim means an
 * unsigned type (a '-' negates the magnitude in unsigned arithmetic). On
 * overflow sets errno to ERANGE and returns the limit (with its sign for
 * signed types, the maximum for unsigned ones).
 */
QSOE_HIDDEN unsigned long long __qsoe_strtox(const char *s0, char **end, int base,
                                             unsigned long long lim, unsigned long long neglim)
{
	const unsigned char *s = (const unsigned char *)s0;
	int neg = 0, over = 0, any = 0;
	unsigned long long v = 0;

	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)s0;
		return 0;
	}
	while (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		s++;
	if (*s == '+' || *s == '-')
		neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] | 0x20) == 'x' && digit(s[2]) < 16) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	unsigned long long max = neg ? neglim : lim;
	for (;; s++) {
		int d = digit(*s);
		if (d >= base)
			break;
		any = 1;
		if (over)
			continue;
		if (v > (max - (unsigned)d) / (unsigned)base)
			over = 1;
		else
			v = v * (unsigned)base + (unsigned)d;
	}
	if (end)
		*end = (char *)(any ? (const char *)s : s0);
	if (over) {
		errno = ERANGE;
		if (lim == neglim)
			return lim; /* unsigned: the maximum, whatever the sign */
		v = max;
	}
	return neg ? 0ULL - v : v;
}

/* String to long; ERANGE and LONG_MIN/LONG_MAX on overflow, EINVAL for a bad base. */
long strtol(const char *__restrict s, char **__restrict end, int base)
{
	return (long)__qsoe_strtox(s, end, base, LONG_MAX, (unsigned long long)LONG_MAX + 1);
}

long long strtoll(const char *__restrict s, char **__restrict end, int base)
{
	return (long long)__qsoe_strtox(s, end, base, LLONG_MAX, (unsigned long long)LLONG_MAX + 1);
}

/* String to unsigned long; a '-' negates the value in unsigned arithmetic. */
unsigned long strtoul(const char *__restrict s, char **__restrict end, int base)
{
	return (unsigned long)__qsoe_strtox(s, end, base, ULONG_MAX, ULONG_MAX);
}

unsigned long long strtoull(const char *__restrict s, char **__restrict end, int base)
{
	return __qsoe_strtox(s, end, base, ULLONG_MAX, ULLONG_MAX);
}

intmax_t strtoimax(const char *__restrict s, char **__restrict end, int base)
{
	return (intmax_t)__qsoe_strtox(s, end, base, INTMAX_MAX, (uintmax_t)INTMAX_MAX + 1);
}

uintmax_t strtoumax(const char *__restrict s, char **__restrict end, int base)
{
	return __qsoe_strtox(s, end, base, UINTMAX_MAX, UINTMAX_MAX);
}

/* strtol(s, NULL, 10) truncated to int (undefined on overflow in ISO C; here it wraps). */
int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
