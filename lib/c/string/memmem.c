/*
 * memmem.c - substring search: memmem and strstr, using the two-way
 * algorithm of Crochemore and Perrin (linear time, constant space), so no
 * input can make a search quadratic.
 */
#include <string.h>
#include "libc.h"

/*
 * Maximal suffix of x[0..m) under the byte order (rev = 0) or the reverse
 * order (rev = 1). Returns its start minus one and stores its period in *per.
 */
static long max_suffix(const unsigned char *x, long m, long *per, int rev)
{
	long ms = -1, j = 0, k = 1, p = 1;

	while (j + k < m) {
		unsigned char a = x[j + k], b = x[ms + k];
		if (rev ? a > b : a < b) {
			j += k;
			k = 1;
			p = j - ms;
		} else if (a == b) {
			if (k != p) {
				k++;
			} else {
				j += p;
				k = 1;
			}
		} else {
			ms = j;
			j = ms + 1;
			k = p = 1;
		}
	}
	*per = p;
	return ms;
}

/* Two-way search of x (m >= 1 bytes) in y (n bytes). */
static const unsigned char *two_way(const unsigned char *y, long n, const unsigned char *x, long m)
{
	long p, q, per, ell, j, i;
	long i1 = max_suffix(x, m, &p, 0);
	long i2 = max_suffix(x, m, &q, 1);

	if (i1 > i2) {
		ell = i1;
		per = p;
	} else {
		ell = i2;
		per = q;
	}
	if (memcmp(x, x + per, (size_t)(ell + 1)) == 0) {
		long memory = -1;
		for (j = 0; j <= n - m;) {
			i = QSOE_MAX(ell, memory) + 1;
			while (i < m && x[i] == y[i + j])
				i++;
			if (i >= m) {
				i = ell;
				while (i > memory && x[i] == y[i + j])
					i--;
				if (i <= memory)
					return y + j;
				j += per;
				memory = m - per - 1;
			} else {
				j += i - ell;
				memory = -1;
			}
		}
	} else {
		per = QSOE_MAX(ell + 1, m - ell - 1) + 1;
		for (j = 0; j <= n - m;) {
			i = ell + 1;
			while (i < m && x[i] == y[i + j])
				i++;
			if (i >= m) {
				i = ell;
				while (i >= 0 && x[i] == y[i + j])
					i--;
				if (i < 0)
					return y + j;
				j += per;
			} else {
				j += i - ell;
			}
		}
	}
	return NULL;
}

/* First occurrence of the nlen-byte needle in the haylen-byte hay, or NULL. */
void *memmem(const void *hay, size_t haylen, const void *needle, size_t nlen)
{
	const unsigned char *h = hay, *x = needle;

	if (nlen == 0)
		return (void *)hay;
	if (haylen < nlen)
		return NULL;
	if (nlen == 1)
		return memchr(hay, x[0], haylen);
	/* Skip to the first possible start. */
	const unsigned char *first = memchr(h, x[0], haylen - nlen + 1);
	if (!first)
		return NULL;
	haylen -= (size_t)(first - h);
	return (void *)two_way(first, (long)haylen, x, (long)nlen);
}

/* First occurrence of needle in hay, or NULL (hay if needle is empty). */
char *strstr(const char *hay, const char *needle)
{
	if (!needle[0])
		return (char *)hay;
	hay = strchr(hay, needle[0]);
	if (!hay || !needle[1])
		return (char *)hay;
	return memmem(hay, strlen(hay), needle, strlen(needle));
}
