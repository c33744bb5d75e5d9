/*
 * printf.c - the printf family over the engine in vfprintf.c: printf,
 * fprintf, sprintf, snprintf, dprintf, asprintf and their v-forms.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "printf_impl.h"
#include "stdio_impl.h"

/* vfprintf with f already locked. */
int __qsoe_vfprintf_unlocked(FILE *f, const char *fmt, va_list ap)
{
	struct __qsoe_sink k = {0};

	k.f = f;
	if (__qsoe_towrite(f))
		return -1;
	return __qsoe_vprintf(&k, fmt, ap);
}

/* Formatted output to f; returns the bytes written or -1 with errno. */
int vfprintf(FILE *__restrict f, const char *__restrict fmt, va_list ap)
{
	FLOCK(f);
	int r = __qsoe_vfprintf_unlocked(f, fmt, ap);
	FUNLOCK(f);
	return r;
}

int fprintf(FILE *__restrict f, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vprintf(const char *__restrict fmt, va_list ap)
{
	return vfprintf(stdout, fmt, ap);
}

int printf(const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

/*
 * Format into s (n bytes, always terminated if n > 0); returns the length
 * the whole output has, which may exceed n - 1.
 */
int vsnprintf(char *__restrict s, size_t n, const char *__restrict fmt, va_list ap)
{
	struct __qsoe_sink k = {0};
	char dummy;

	k.s = n ? s : &dummy;
	k.room = n ? n - 1 : 0;
	int r = __qsoe_vprintf(&k, fmt, ap);
	if (n)
		*k.s = '\0';
	return r;
}

int snprintf(char *__restrict s, size_t n, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

/* Unbounded: the caller guarantees room. */
int vsprintf(char *__restrict s, const char *__restrict fmt, va_list ap)
{
	return vsnprintf(s, (size_t)INT_MAX + 1, fmt, ap);
}

int sprintf(char *__restrict s, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsprintf(s, fmt, ap);
	va_end(ap);
	return r;
}

/* Format into a new malloc'd string stored in *sp; -1 (and *sp undefined) on error. */
int vasprintf(char **__restrict sp, const char *__restrict fmt, va_list ap)
{
	struct __qsoe_sink k = {0};

	k.isdyn = 1;
	int r = __qsoe_vprintf(&k, fmt, ap);
	if (r >= 0 && !k.dyn) {
		k.dyn = malloc(1);
		if (!k.dyn) {
			errno = ENOMEM;
			r = -1;
		}
	}
	if (r < 0) {
		free(k.dyn);
		*sp = NULL;
		return -1;
	}
	k.dyn[k.total] = '\0';
	*sp = k.dyn;
	return r;
}

int asprintf(char **__restrict sp, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vasprintf(sp, fmt, ap);
	va_end(ap);
	return r;
}

/* Formatted output to a file descriptor (through a stack buffer). */
int vdprintf(int fd, const char *__restrict fmt, va_list ap)
{
	struct __qsoe_file f;
	unsigned char buf[512];

	memset(&f, 0, sizeof(f));
	f.flags = F_WR | F_STATIC | F_MODESET;
	f.fd = fd;
	f.pid = -1;
	f.bufbase = buf;
	f.buf = buf + UNGET;
	f.bufsize = sizeof(buf) - UNGET;
	__qsoe_fd_backend(&f);
	struct __qsoe_sink k = {0};
	k.f = &f;
	if (__qsoe_towrite(&f))
		return -1;
	int r = __qsoe_vprintf(&k, fmt, ap);
	if (__qsoe_flushbuf(&f) && r >= 0)
		r = -1;
	return r;
}

int dprintf(int fd, const char *__restrict fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vdprintf(fd, fmt, ap);
	va_end(ap);
	return r;
}
