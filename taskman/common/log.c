/*
 * log.c - taskman's console messages.
 */
#include <stdarg.h>
#include <taskman/seam.h>
#include <taskman/taskman.h>

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

void tm_log(const char *fmt, ...)
{
	char buf[512] = "taskman: ";
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(buf + 9, sizeof(buf) - 9, fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 10)
		n = (int)sizeof(buf) - 10;
	seam_console(buf, (size_t)n + 9);
}
