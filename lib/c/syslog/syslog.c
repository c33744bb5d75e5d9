/*
 * syslog.c - openlog(), syslog(), vsyslog(), closelog(), setlogmask().
 *
 * Each message is formatted as "ident[pid]: text" (ident defaults to
 * "syslog", the pid only with LOG_PID; %m becomes strerror(errno)) and
 * handed with its priority to __syslog_write(), the system logger client.
 * LOG_PERROR also writes it to standard error; LOG_CONS writes it to
 * /dev/console when the logger cannot be reached. Thread safe.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>
#include "lock.h"
#include "syslog_impl.h"

static qsoe_lock_t loglock = QSOE_LOCK_INIT;
static const char *log_ident;
static int log_option;
static int log_facility = LOG_USER;
static int log_mask = 0xff;

/* Sets the identity, options and default facility of later messages. */
void openlog(const char *ident, int option, int facility)
{
	qsoe_lock(&loglock);
	log_ident = ident;
	log_option = option;
	if (facility && !(facility & ~LOG_FACMASK))
		log_facility = facility;
	qsoe_unlock(&loglock);
}

/* Forgets the openlog() settings. */
void closelog(void)
{
	qsoe_lock(&loglock);
	log_ident = NULL;
	log_option = 0;
	log_facility = LOG_USER;
	qsoe_unlock(&loglock);
}

/* Sets which priorities are logged; returns the old mask (0 leaves it unchanged). */
int setlogmask(int mask)
{
	qsoe_lock(&loglock);
	int old = log_mask;
	if (mask)
		log_mask = mask;
	qsoe_unlock(&loglock);
	return old;
}

/* fmt with every %m replaced by the text of err (with its '%' doubled); NULL if out of memory. */
static char *expand_m(const char *fmt, int err)
{
	const char *text = strerror(err);
	size_t tl = strlen(text), n = 0;
	for (const char *p = fmt; *p; p++)
		n += (p[0] == '%' && p[1] == 'm') ? 2 * tl : 1;
	char *out = malloc(n + 1), *d = out;
	if (!out)
		return NULL;
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == '%') {
			*d++ = *p++;
			*d++ = *p;
		} else if (p[0] == '%' && p[1] == 'm') {
			for (const char *t = text; *t; t++) {
				if (*t == '%')
					*d++ = '%';
				*d++ = *t;
			}
			p++;
		} else {
			*d++ = *p;
		}
	}
	*d = 0;
	return out;
}

/* Logs a message built from fmt and ap with priority pri (level, optionally | facility). */
void vsyslog(int priority, const char *fmt, va_list ap)
{
	int saved = errno;
	qsoe_lock(&loglock);
	int mask = log_mask, option = log_option, facility = log_facility;
	const char *ident = log_ident ? log_ident : "syslog";
	qsoe_unlock(&loglock);
	if (!(LOG_MASK(LOG_PRI(priority)) & mask) || (priority & ~(LOG_PRIMASK | LOG_FACMASK))) {
		errno = saved;
		return;
	}
	if (!(priority & LOG_FACMASK))
		priority |= facility;

	char *f = expand_m(fmt, saved);
	if (!f) {
		errno = saved;
		return;
	}
	char head[128];
	int hl = (option & LOG_PID)
	                 ? snprintf(head, sizeof(head), "%s[%ld]: ", ident, (long)getpid())
	                 : snprintf(head, sizeof(head), "%s: ", ident);
	if (hl < 0)
		hl = 0;
	if ((size_t)hl >= sizeof(head))
		hl = sizeof(head) - 1;
	va_list aq;
	va_copy(aq, ap);
	int bl = vsnprintf(NULL, 0, f, aq);
	va_end(aq);
	char *msg = bl < 0 ? NULL : malloc((size_t)hl + (size_t)bl + 2);
	if (msg) {
		memcpy(msg, head, (size_t)hl);
		vsnprintf(msg + hl, (size_t)bl + 1, f, ap);
		size_t len = (size_t)hl + (size_t)bl;
		while (len > (size_t)hl && msg[len - 1] == '\n')
			msg[--len] = 0;
		if (__syslog_write(priority, msg) < 0 && (option & LOG_CONS)) {
			int fd = open("/dev/console", O_WRONLY | O_NOCTTY | O_CLOEXEC);
			if (fd >= 0) {
				msg[len] = '\n';
				write(fd, msg, len + 1);
				msg[len] = 0;
				close(fd);
			}
		}
		if (option & LOG_PERROR) {
			msg[len] = '\n';
			write(2, msg, len + 1);
		}
		free(msg);
	}
	free(f);
	errno = saved;
}

/* vsyslog() with a variable argument list. */
void syslog(int priority, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsyslog(priority, fmt, ap);
	va_end(ap);
}
