/*
 * scanf.c - the scanf family over the engine in vfscanf.c.
 */
#include <stdarg.h>
#include "libc.h"
#include "stdio_impl.h"

/* Scan from f; returns items assigned or EOF. */
int vfscanf(FILE *__restrict f, const char *__restrict fmt, va_list ap)
{
	FLOCK(f);
	int r = __qsoe_vfscanf_unlocked(f, NULL, fmt, ap);
	FUNLOCK(f);
	return r;
}

int fscanf(FILE *__restrict f, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vscanf(const char *__restrict fmt, va_list ap)
{
	return vfscanf(stdin, fmt, ap);
}

int scanf(const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}

/* Scan from the string s. */
int vsscanf(const char *__restrict s, const char *__restrict fmt, va_list ap)
{
	return __qsoe_vfscanf_unlocked(NULL, s, fmt, ap);
}

int sscanf(const char *__restrict s, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}
