/*
 * strcmp.c - string comparison: strcmp, strncmp, strcoll, strxfrm.
 * The only collation QSOE has is byte order ("C" and "C.UTF-8" alike;
 * UTF-8 byte order is code point order).
 */
#include <string.h>
#include "libc.h"

/* Compare as unsigned chars; returns <0, 0 or >0. */
int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	while (*p && *p == *q) {
		p++;
		q++;
	}
	return *p - *q;
}

/* Compare at most n bytes as unsigned chars. */
int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;

	if (!n)
		return 0;
	while (--n && *p && *p == *q) {
		p++;
		q++;
	}
	return *p - *q;
}

/* Collate: byte order in every QSOE locale. */
int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

/* strcoll with an explicit locale. */
int strcoll_l(const char *a, const char *b, locale_t l)
{
	(void)l;
	return strcmp(a, b);
}

/*
 * Transform src for strcmp-comparison (identity here); writes at most n
 * bytes and returns the length of the full transformation.
 */
size_t strxfrm(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t len = strlen(src);

	if (len < n)
		memcpy(dst, src, len + 1);
	return len;
}

/* strxfrm with an explicit locale. */
size_t strxfrm_l(char *__restrict dst, const char *__restrict src, size_t n, locale_t l)
{
	(void)l;
	return strxfrm(dst, src, n);
}
