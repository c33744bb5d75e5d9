/*
 * strchr.c - find a character in a string: strchr, strchrnul, strrchr,
 * index, rindex.
 */
#include <string.h>
#include <strings.h>
#include "libc.h"

/*
 * Pointer to the first (unsigned char)c in s, or to the NUL if there is
 * none. Reads aligned words (may read past the NUL within its word).
 */
QSOE_NOASAN char *strchrnul(const char *s, int c)
{
	unsigned char b = (unsigned char)c;

	if (!b)
		return (char *)s + strlen(s);
	for (; (uintptr_t)s & (QSOE_WSIZE - 1); s++)
		if (!*s || *(const unsigned char *)s == b)
			return (char *)s;
	const qsoe_word_t *w = (const qsoe_word_t *)s;
	qsoe_word_t k = QSOE_ONES * b;
	while (!QSOE_HASZERO(*w) && !QSOE_HASZERO(*w ^ k))
		w++;
	for (s = (const char *)w; *s && *(const unsigned char *)s != b; s++)
		;
	return (char *)s;
}

/* First occurrence of (char)c in s (c may be NUL), or NULL. */
char *strchr(const char *s, int c)
{
	char *p = strchrnul(s, c);

	return *(unsigned char *)p == (unsigned char)c ? p : NULL;
}

/* Last occurrence of (char)c in s (c may be NUL), or NULL. */
char *strrchr(const char *s, int c)
{
	return memrchr(s, c, strlen(s) + 1);
}

/* BSD name of strchr. */
char *index(const char *s, int c)
{
	return strchr(s, c);
}

/* BSD name of strrchr. */
char *rindex(const char *s, int c)
{
	return strrchr(s, c);
}
