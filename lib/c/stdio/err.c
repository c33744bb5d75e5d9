/*
 * err.c - BSD err, errx, warn, warnx and their v forms: one message on
 * stderr, "prog: " + the formatted text (if fmt is not NULL) + ": " +
 * strerror(errno) (err/warn only) + "\n", written under the stream's
 * lock so that threads do not interleave; err/errx then exit(status).
 */
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "stdio_impl.h"

/* Prints the message; with_errno adds the text of e. */
static void message(int with_errno, int e, const char *fmt, va_list ap)
{
	FLOCK(stderr);
	fputs_unlocked(getprogname(), stderr);
	fputs_unlocked(": ", stderr);
	if (fmt) {
		vfprintf(stderr, fmt, ap);
		if (with_errno)
			fputs_unlocked(": ", stderr);
	}
	if (with_errno)
		fputs_unlocked(strerror(e), stderr);
	fputc_unlocked('\n', stderr);
	FUNLOCK(stderr);
}

void vwarn(const char *fmt, va_list ap)
{
	int e = errno;

	message(1, e, fmt, ap);
	errno = e;
}

void vwarnx(const char *fmt, va_list ap)
{
	int e = errno;

	message(0, 0, fmt, ap);
	errno = e;
}

void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void verr(int status, const char *fmt, va_list ap)
{
	message(1, errno, fmt, ap);
	exit(status);
}

void verrx(int status, const char *fmt, va_list ap)
{
	message(0, 0, fmt, ap);
	exit(status);
}

void err(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verr(status, fmt, ap);
}

void errx(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	verrx(status, fmt, ap);
}
