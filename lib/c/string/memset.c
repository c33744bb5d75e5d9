/*
 * memset.c - fill memory.
 */
#include <string.h>
#include <strings.h>
#include "libc.h"

/* Set n bytes at s to the byte value c; returns s. */
void *memset(void *s, int c, size_t n)
{
	unsigned char *p = s;
	unsigned char b = (unsigned char)c;

	while (n && ((uintptr_t)p & (QSOE_WSIZE - 1))) {
		*p++ = b;
		n--;
	}
	if (n >= QSOE_WSIZE) {
		qsoe_word_t w = QSOE_ONES * b;
		qsoe_word_t *wp = (qsoe_word_t *)p;
		for (; n >= 4 * QSOE_WSIZE; n -= 4 * QSOE_WSIZE) {
			wp[0] = w;
			wp[1] = w;
			wp[2] = w;
			wp[3] = w;
			wp += 4;
		}
		for (; n >= QSOE_WSIZE; n -= QSOE_WSIZE)
			*wp++ = w;
		p = (unsigned char *)wp;
	}
	while (n--)
		*p++ = b;
	return s;
}

/* BSD: zero n bytes at s. */
void bzero(void *s, size_t n)
{
	memset(s, 0, n);
}

/* Zero n bytes at s; the compiler may not remove the stores. */
void explicit_bzero(void *s, size_t n)
{
	memset(s, 0, n);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}

/* C23: memset whose stores the compiler may not remove (for secrets); returns s. */
void *memset_explicit(void *s, int c, size_t n)
{
	memset(s, c, n);
	__asm__ __volatile__("" : : "r"(s) : "memory");
	return s;
}
