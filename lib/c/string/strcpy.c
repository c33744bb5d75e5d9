/*
 * strcpy.c - string copies: strcpy, stpcpy, strncpy, stpncpy, strlcpy.
 */
#include <string.h>
#include "libc.h"

/* Copy src (with its NUL) to dst; returns a pointer to dst's new NUL. */
char *stpcpy(char *__restrict dst, const char *__restrict src)
{
	size_t n = strlen(src);

	memcpy(dst, src, n + 1);
	return dst + n;
}

/* Copy src (with its NUL) to dst; returns dst. */
char *strcpy(char *__restrict dst, const char *__restrict src)
{
	stpcpy(dst, src);
	return dst;
}

/*
 * Copy at most n bytes of src to dst and pad with NULs to n bytes; returns
 * a pointer to the first NUL written in dst, or dst + n if none.
 */
char *stpncpy(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst + len;
}

/* Copy at most n bytes of src to dst, padding with NULs; returns dst. */
char *strncpy(char *__restrict dst, const char *__restrict src, size_t n)
{
	stpncpy(dst, src, n);
	return dst;
}

/*
 * Copy src into the size-byte buffer dst, truncating and always
 * terminating if size > 0; returns strlen(src) (truncation if >= size).
 */
size_t strlcpy(char *__restrict dst, const char *__restrict src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
