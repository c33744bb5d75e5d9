/*
 * strlen.c - string length.
 */
#include <string.h>
#include "libc.h"

/*
 * Number of bytes before the terminating NUL. Reads aligned words, so it
 * may read (never use) bytes after the NUL within the same aligned word.
 */
QSOE_NOASAN size_t strlen(const char *s)
{
	const char *p = s;

	for (; (uintptr_t)p & (QSOE_WSIZE - 1); p++)
		if (!*p)
			return (size_t)(p - s);
	const qsoe_word_t *w = (const qsoe_word_t *)p;
	while (!QSOE_HASZERO(*w))
		w++;
	for (p = (const char *)w; *p; p++)
		;
	return (size_t)(p - s);
}

/* Length of s, but at most max (s need not be terminated within max bytes). */
size_t strnlen(const char *s, size_t max)
{
	const char *z = memchr(s, 0, max);

	return z ? (size_t)(z - s) : max;
}
