/*
 * log.c - taskman's console messages.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <taskman/seam.h>
#include <taskman/taskman.h>

/* Formats prefix + fmt into one buffer and writes it with one console call. */
static void vlog(const char *prefix, const char *fmt, va_list ap)
{
	char buf[512];
	size_t p = strlen(prefix);

	memcpy(buf, prefix, p);
	int n = vsnprintf(buf + p, sizeof(buf) - p, fmt, ap);
	if (n < 0)
		return;
	if ((size_t)n > sizeof(buf) - p - 1)
		n = (int)(sizeof(buf) - p - 1);
	seam_console(buf, (size_t)n + p);
}

/* See taskman.h. */
void tm_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("taskman: ", fmt, ap);
	va_end(ap);
}

/* See taskman.h. */
void tm_panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlog("taskman: PANIC: ", fmt, ap);
	va_end(ap);
	seam_console("\n", 1);
	seam_poweroff(70);
	for (;;)
		;
}
