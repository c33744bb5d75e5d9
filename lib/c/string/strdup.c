/*
 * strdup.c - duplicate strings in allocated memory.
 */
#include <string.h>
#include <stdlib.h>
#include "libc.h"

/* A malloc'd copy of s, or NULL (errno ENOMEM). */
char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);

	return d ? memcpy(d, s, n) : NULL;
}

/* A malloc'd copy of at most n bytes of s, always terminated, or NULL. */
char *strndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *d = malloc(len + 1);

	if (!d)
		return NULL;
	memcpy(d, s, len);
	d[len] = '\0';
	return d;
}
