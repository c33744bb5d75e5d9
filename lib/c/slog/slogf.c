/*
 * slogf.c - slogf(), vslogf(), slogb(), slogi(): events for slogger.
 *
 * Each event is one write() to /dev/slog of a struct slog_write and the
 * data (<sys/slog.h>). The descriptor is opened on first use and kept
 * (close-on-exec); if slogger went away and came back, the write fails
 * with EBADF and the descriptor is opened again once. Text longer than
 * _SLOG_DATA_MAX - 1 bytes is cut there; binary data that long is
 * refused with EMSGSIZE.
 */
#include <sys/slog.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int slog_fd = -1;

/* The cached descriptor of /dev/slog (opened now if needed), or -1 with errno. */
static int slog_open(int stale)
{
	int fd = __atomic_load_n(&slog_fd, __ATOMIC_ACQUIRE);

	if (fd >= 0 && stale < 0)
		return fd;
	if (fd >= 0 && fd == stale &&
	    __atomic_compare_exchange_n(&slog_fd, &fd, -1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
		close(fd);
	int nfd = open(_SLOG_PATH, O_WRONLY | O_CLOEXEC);
	if (nfd < 0)
		return -1;
	int expect = -1;
	if (!__atomic_compare_exchange_n(&slog_fd, &expect, nfd, 0, __ATOMIC_ACQ_REL,
	                                 __ATOMIC_ACQUIRE)) {
		close(nfd); /* another thread was quicker */
		return expect;
	}
	return nfd;
}

/*
 * Sends one event. Returns the bytes of data sent, or -1 with errno
 * (EINVAL: bad severity or size; EMSGSIZE; open/write errors, ENOENT if
 * slogger does not run).
 */
static int slog_send(int opcode, int severity, unsigned flags, const void *data, size_t len)
{
	int sev = severity & ~_SLOG_TEXTBIT;

	if (sev < 0 || sev > _SLOG_SEVMAXVAL) {
		errno = EINVAL;
		return -1;
	}
	if (len > _SLOG_DATA_MAX) {
		errno = EMSGSIZE;
		return -1;
	}
	char buf[sizeof(struct slog_write) + _SLOG_DATA_MAX];
	struct slog_write h = {_SLOG_WIRE_MAGIC, opcode, sev, flags};
	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), data, len);
	size_t total = sizeof(h) + len;
	int fd = slog_open(-1);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, buf, total);
	if (n < 0 && errno == EBADF) {
		fd = slog_open(fd);
		if (fd < 0)
			return -1;
		n = write(fd, buf, total);
	}
	if (n < 0)
		return -1;
	return (int)len;
}

int vslogf(int opcode, int severity, const char *fmt, va_list ap)
{
	char text[_SLOG_DATA_MAX];
	va_list aq;

	va_copy(aq, ap);
	int n = vsnprintf(text, sizeof(text), fmt, ap);
	if (n < 0) {
		va_end(aq);
		return -1;
	}
	if (severity & _SLOG_TEXTBIT) {
		vfprintf(stderr, fmt, aq);
		fputc('\n', stderr);
	}
	va_end(aq);
	size_t len = (size_t)n < sizeof(text) ? (size_t)n : sizeof(text) - 1;
	return slog_send(opcode, severity, _SLOG_FLAG_TEXT, text, len + 1);
}

int slogf(int opcode, int severity, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vslogf(opcode, severity, fmt, ap);
	va_end(ap);
	return r;
}

int slogb(int opcode, int severity, void *data, int size)
{
	if (size < 0 || (size > 0 && data == NULL)) {
		errno = EINVAL;
		return -1;
	}
	return slog_send(opcode, severity, _SLOG_FLAG_BINARY, data, (size_t)size);
}

int slogi(int opcode, int severity, int nargs, ...)
{
	int v[_SLOG_DATA_MAX / sizeof(int)];
	va_list ap;

	if (nargs < 0 || (size_t)nargs > sizeof(v) / sizeof(v[0])) {
		errno = nargs < 0 ? EINVAL : EMSGSIZE;
		return -1;
	}
	va_start(ap, nargs);
	for (int i = 0; i < nargs; i++)
		v[i] = va_arg(ap, int);
	va_end(ap);
	return slog_send(opcode, severity, _SLOG_FLAG_INTS, v, (size_t)nargs * sizeof(int));
}
