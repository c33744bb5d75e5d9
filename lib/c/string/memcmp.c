/*
 * memcmp.c - compare memory.
 */
#include <string.h>
#include <strings.h>
#include "libc.h"

/*
 * Compare n bytes as unsigned chars; returns <0, 0 or >0. Equal runs of
 * mutually aligned buffers are skipped a word at a time.
 */
int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	if ((((uintptr_t)p ^ (uintptr_t)q) & (QSOE_WSIZE - 1)) == 0) {
		while (n && ((uintptr_t)p & (QSOE_WSIZE - 1))) {
			if (*p != *q)
				return *p - *q;
			p++;
			q++;
			n--;
		}
		while (n >= QSOE_WSIZE && *(const qsoe_word_t *)p == *(const qsoe_word_t *)q) {
			p += QSOE_WSIZE;
			q += QSOE_WSIZE;
			n -= QSOE_WSIZE;
		}
	}
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

/* BSD: zero if the n bytes at a and b are equal. */
int bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}
