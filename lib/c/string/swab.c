/*
 * swab.c - POSIX swab(): copies bytes swapping each adjacent pair.
 */
#include <unistd.h>

/* Copies n bytes (an odd last byte is left out) from src to dst, swapping pairs. */
void swab(const void *__restrict src, void *__restrict dst, ssize_t n)
{
	const unsigned char *s = src;
	unsigned char *d = dst;

	for (ssize_t i = 0; i + 1 < n; i += 2) {
		unsigned char a = s[i];
		d[i] = s[i + 1];
		d[i + 1] = a;
	}
}
