/*
 * num.c - strict number parsing and human-readable sizes.
 */
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* Parses a whole string as a signed decimal integer (leading blanks and a
 * sign allowed). Returns 0, or -1 on bad syntax or overflow (errno ERANGE). */
int qu_parse_num(const char *s, long long *out)
{
	char *end;

	errno = 0;
	*out = strtoll(s, &end, 10);
	if (end == s || *end)
		return errno = EINVAL, -1;
	if (errno)
		return -1;
	return 0;
}

/* Multiplies *v by m, failing on overflow. */
static int mul_check(unsigned long long *v, unsigned long long m)
{
	if (m && *v > ULLONG_MAX / m)
		return -1;
	*v *= m;
	return 0;
}

/* Returns the multiplier of a size suffix, or 0 if unknown:
 * b=512 c=1 w=2, K/k/KiB=1024, kB/KB=1000, and the same for M G T P E. */
static unsigned long long suffix_value(const char *s)
{
	static const char units[] = "KMGTPE";
	const char *u;
	unsigned long long m = 1, base = 1024;
	int i, pow;

	if (!*s)
		return 1;
	if (!strcmp(s, "b"))
		return 512;
	if (!strcmp(s, "c"))
		return 1;
	if (!strcmp(s, "w"))
		return 2;
	u = strchr(units, *s == 'k' ? 'K' : *s);
	if (!u || !*s)
		return 0;
	pow = (int)(u - units) + 1;
	if (!strcmp(s + 1, "B"))
		base = 1000;
	else if (s[1] && strcmp(s + 1, "iB"))
		return 0;
	for (i = 0; i < pow; i++)
		m *= base;
	return m;
}

/* Parses an unsigned size with an optional suffix (see suffix_value) and
 * optional "xN" products as dd accepts them. Returns 0 or -1. */
int qu_parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v, m;
	char *end, *x, sfx[8];
	size_t n;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	x = strchr(end, 'x');
	n = x ? (size_t)(x - end) : strlen(end);
	if (n >= sizeof(sfx))
		return -1;
	memcpy(sfx, end, n);
	sfx[n] = 0;
	m = suffix_value(sfx);
	if (!m || mul_check(&v, m))
		return -1;
	if (x) {
		unsigned long long r;
		if (qu_parse_size(x + 1, &r) || mul_check(&v, r))
			return -1;
	}
	*out = v;
	return 0;
}

/* Formats n as ls -h does: below 1024 as is; otherwise in K, M, G... rounded
 * up, with one decimal while the value is below 10. */
char *qu_human(unsigned long long n, char *buf)
{
	static const char units[] = "KMGTPE";
	unsigned long long d = 1024, q, r, tenths;
	int u = 0;

	if (n < 1024) {
		sprintf(buf, "%llu", n);
		return buf;
	}
	for (;;) {
		q = n / d;
		r = n % d;
		if (q < 10) {
			/* tenths = ceil(n * 10 / d) without overflow */
			tenths = q * 10 + (r * 10 + d - 1) / d;
			if (tenths < 100) {
				sprintf(buf, "%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
				return buf;
			}
			q = 10;
			r = 0;
		} else if (r) {
			q++;
		}
		if (q < 1024 || u == 5) {
			sprintf(buf, "%llu%c", q, units[u]);
			return buf;
		}
		u++;
		if (d > ULLONG_MAX / 1024) {
			sprintf(buf, "%llu%c", q, units[u]);
			return buf;
		}
		d *= 1024;
	}
}
