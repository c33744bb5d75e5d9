/*
 * memchr.c - find a byte in memory (memchr, memrchr, memccpy).
 */
#include <string.h>
#include "libc.h"

/*
 * First occurrence of (unsigned char)c in the n bytes at s, or NULL.
 * Scans aligned words; it never reads past the aligned word holding the
 * last byte of the range.
 */
QSOE_NOASAN void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;
	unsigned char b = (unsigned char)c;

	while (n && ((uintptr_t)p & (QSOE_WSIZE - 1))) {
		if (*p == b)
			return (void *)p;
		p++;
		n--;
	}
	if (n >= QSOE_WSIZE) {
		qsoe_word_t k = QSOE_ONES * b;
		const qsoe_word_t *w = (const qsoe_word_t *)p;
		while (n >= QSOE_WSIZE && !QSOE_HASZERO(*w ^ k)) {
			w++;
			n -= QSOE_WSIZE;
		}
		p = (const unsigned char *)w;
	}
	for (; n; n--, p++)
		if (*p == b)
			return (void *)p;
	return NULL;
}

/* Last occurrence of (unsigned char)c in the n bytes at s, or NULL. */
void *memrchr(const void *s, int c, size_t n)
{
	const unsigned char *p = (const unsigned char *)s + n;

	while (n--)
		if (*--p == (unsigned char)c)
			return (void *)p;
	return NULL;
}

/*
 * Copy bytes from src to dst up to and including the first c, at most n;
 * returns the byte after the copied c in dst, or NULL if c was not found.
 */
void *memccpy(void *__restrict dst, const void *__restrict src, int c, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	for (; n; n--) {
		if ((*d++ = *s++) == (unsigned char)c)
			return d;
	}
	return NULL;
}
