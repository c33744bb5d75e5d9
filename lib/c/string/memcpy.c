/*
 * memcpy.c - copy memory, a word at a time where possible.
 */
#include <string.h>
#include "libc.h"

/*
 * Copy n bytes forward from s to d. Safe for overlapping buffers when
 * d <= s (memmove relies on this). Destination words are aligned; a
 * misaligned source is read as aligned words and shifted together, which
 * may read bytes of the source's first and last aligned words that lie
 * outside [s, s+n) (never another page), hence QSOE_NOASAN.
 */
QSOE_NOASAN QSOE_HIDDEN void __qsoe_copy_fwd(unsigned char *d, const unsigned char *s, size_t n)
{
	while (n && ((uintptr_t)d & (QSOE_WSIZE - 1))) {
		*d++ = *s++;
		n--;
	}
	unsigned off = (uintptr_t)s & (QSOE_WSIZE - 1);
	qsoe_word_t *wd = (qsoe_word_t *)d;
	if (off == 0) {
		const qsoe_word_t *ws = (const qsoe_word_t *)s;
		for (; n >= 4 * QSOE_WSIZE; n -= 4 * QSOE_WSIZE) {
			qsoe_word_t a = ws[0], b = ws[1], c = ws[2], e = ws[3];
			wd[0] = a;
			wd[1] = b;
			wd[2] = c;
			wd[3] = e;
			wd += 4;
			ws += 4;
		}
		for (; n >= QSOE_WSIZE; n -= QSOE_WSIZE)
			*wd++ = *ws++;
		s = (const unsigned char *)ws;
	} else if (n >= QSOE_WSIZE) {
		const qsoe_word_t *ws = (const qsoe_word_t *)(s - off);
		unsigned rs = off * 8, ls = QSOE_WSIZE * 8 - rs;
		qsoe_word_t w0 = *ws++;
		for (; n >= QSOE_WSIZE; n -= QSOE_WSIZE) {
			qsoe_word_t w1 = *ws++;
			*wd++ = (w0 >> rs) | (w1 << ls);
			w0 = w1;
			s += QSOE_WSIZE;
		}
	}
	d = (unsigned char *)wd;
	while (n--)
		*d++ = *s++;
}

/* Copy n bytes from src to dst (the buffers must not overlap); returns dst. */
void *memcpy(void *__restrict dst, const void *__restrict src, size_t n)
{
	__qsoe_copy_fwd(dst, src, n);
	return dst;
}

/* Like memcpy, but returns a pointer just past the last byte written. */
void *mempcpy(void *__restrict dst, const void *__restrict src, size_t n)
{
	__qsoe_copy_fwd(dst, src, n);
	return (unsigned char *)dst + n;
}
