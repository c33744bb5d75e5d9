/*
 * strcat.c - string concatenation: strcat, strncat, strlcat.
 */
#include <string.h>
#include "libc.h"

/* Append src to dst; returns dst. */
char *strcat(char *__restrict dst, const char *__restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Append at most n bytes of src and a NUL to dst; returns dst. */
char *strncat(char *__restrict dst, const char *__restrict src, size_t n)
{
	char *d = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(d, src, len);
	d[len] = '\0';
	return dst;
}

/*
 * Append src to the string in the size-byte buffer dst, truncating and
 * terminating; returns the length the result would have had untruncated.
 */
size_t strlcat(char *__restrict dst, const char *__restrict src, size_t size)
{
	size_t dlen = strnlen(dst, size);

	if (dlen == size)
		return size + strlen(src);
	return dlen + strlcpy(dst + dlen, src, size - dlen);
}
