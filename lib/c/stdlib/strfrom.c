/*
 * strfrom.c - C23 strfromd, strfromf, strfroml: a floating value as text,
 * with a format of the form "%[.precision]conv" (conv one of a A e E f F
 * g G), as snprintf would write it. Any other format is refused.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 if fmt is "%[.digits]c" with c a floating conversion; the length modifier L is added by the caller. */
static int valid(const char *fmt)
{
	if (*fmt++ != '%')
		return 0;
	if (*fmt == '.') {
		fmt++;
		while (*fmt >= '0' && *fmt <= '9')
			fmt++;
	}
	return *fmt && strchr("aAeEfFgG", *fmt) && fmt[1] == 0;
}

/* Writes f (as a double) per fmt into s[0..n); the length snprintf gives, or -1 with EINVAL. */
int strfromd(char *__restrict s, size_t n, const char *__restrict fmt, double f)
{
	if (!valid(fmt)) {
		errno = EINVAL;
		return -1;
	}
	return snprintf(s, n, fmt, f);
}

int strfromf(char *__restrict s, size_t n, const char *__restrict fmt, float f)
{
	return strfromd(s, n, fmt, (double)f);
}

int strfroml(char *__restrict s, size_t n, const char *__restrict fmt, long double f)
{
	char lfmt[32];
	size_t len = strlen(fmt);

	if (!valid(fmt) || len + 2 > sizeof(lfmt)) {
		errno = EINVAL;
		return -1;
	}
	/* insert the L before the conversion */
	memcpy(lfmt, fmt, len - 1);
	lfmt[len - 1] = 'L';
	lfmt[len] = fmt[len - 1];
	lfmt[len + 1] = 0;
	return snprintf(s, n, lfmt, f);
}
