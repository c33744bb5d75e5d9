/*
 * memmove.c - copy possibly overlapping memory.
 */
#include <string.h>
#include "libc.h"

void __qsoe_copy_fwd(unsigned char *d, const unsigned char *s, size_t n);

/* Copy n bytes from src to dst correctly even if they overlap; returns dst. */
void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d == s || n == 0)
		return dst;
	if (d < s || d >= s + n) {
		__qsoe_copy_fwd(d, s, n);
		return dst;
	}
	/* Overlap with d above s: copy backwards. */
	d += n;
	s += n;
	if ((((uintptr_t)d ^ (uintptr_t)s) & (QSOE_WSIZE - 1)) == 0) {
		while (n && ((uintptr_t)d & (QSOE_WSIZE - 1))) {
			*--d = *--s;
			n--;
		}
		for (; n >= QSOE_WSIZE; n -= QSOE_WSIZE) {
			d -= QSOE_WSIZE;
			s -= QSOE_WSIZE;
			*(qsoe_word_t *)d = *(const qsoe_word_t *)s;
		}
	}
	while (n--)
		*--d = *--s;
	return dst;
}

/* BSD: copy n bytes from src to dst (overlap allowed). */
void bcopy(const void *src, void *dst, size_t n)
{
	memmove(dst, src, n);
}
