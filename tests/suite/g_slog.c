/*
 * g_slog.c - groups "slog" and "tty": the system logger (slogf, slogi and
 * plain writes come back from /dev/slog with our pid, severity and codes)
 * and the serial console's termios interface (tcgetattr, window size,
 * isatty). Each is skipped (with a note) when its service is not running.
 */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <termios.h>
#include <unistd.h>
#include "suite.h"

/* Finds the text event tag in /dev/slog; returns its header in *out. */
static int find_event(const char *tag, struct slog_event *out)
{
	static char buf[64 * 1024];
	int fd = open(_SLOG_PATH, O_RDONLY | O_NONBLOCK), found = 0;
	ssize_t n;

	if (fd < 0)
		return 0;
	while (!found && (n = read(fd, buf, sizeof(buf))) > 0)
		for (ssize_t at = 0; at < n;) {
			struct slog_event *e = (struct slog_event *)(buf + at);
			if ((e->flags & _SLOG_FLAG_TEXT) && strcmp((char *)(e + 1), tag) == 0) {
				*out = *e;
				found = 1;
			}
			at += e->size;
		}
	close(fd);
	return found;
}

SUITE_GROUP(slog)
{
	char tag[64];
	struct slog_event e;

	if (access(_SLOG_PATH, F_OK) < 0) {
		suite_note("no slogger (%s): skipped", _SLOG_PATH);
		return;
	}
	snprintf(tag, sizeof(tag), "suite slog test %d", getpid());
	CHECK(slogf(_SLOG_SETCODE(_SLOGC_TEST, 42), _SLOG_WARNING, "%s", tag) > 0,
	      "slogf (errno %d)", errno);
	CHECK(find_event(tag, &e), "the event is in the log");
	CHECK(e.pid == getpid() && e.severity == _SLOG_WARNING &&
	              _SLOG_GETMAJOR(e.opcode) == _SLOGC_TEST && _SLOG_GETMINOR(e.opcode) == 42,
	      "with our pid %d, severity %d, codes %d/%d", e.pid, e.severity,
	      _SLOG_GETMAJOR(e.opcode), _SLOG_GETMINOR(e.opcode));
	CHECK(slogi(_SLOG_SETCODE(_SLOGC_TEST, 1), _SLOG_INFO, 3, 1, 2, 3) == 3 * (int)sizeof(int),
	      "slogi");
	CHECK_ERR(slogf(0, 99, "bad severity"), -1, EINVAL);
	int fd = open(_SLOG_PATH, O_WRONLY);
	snprintf(tag, sizeof(tag), "plain write %d", getpid());
	CHECK(fd >= 0 && write(fd, tag, strlen(tag)) == (ssize_t)strlen(tag), "a plain write");
	close(fd);
	CHECK(find_event(tag, &e) && e.severity == _SLOG_INFO, "is logged as text at INFO");
}

SUITE_GROUP(tty)
{
	struct termios t;
	struct winsize ws, saved;

	int fd = open("/dev/ser1", O_RDWR | O_NOCTTY);
	if (fd < 0) {
		suite_note("no serial driver (/dev/ser1): skipped");
		return;
	}
	CHECK(isatty(fd), "isatty");
	CHECK(tcgetattr(fd, &t) == 0 && (t.c_cflag & CREAD) && t.c_cc[VEOF] != 0,
	      "tcgetattr (errno %d)", errno);
	CHECK_OK(tcsetattr(fd, TCSANOW, &t)); /* the same settings back */
	CHECK_OK(ioctl(fd, TIOCGWINSZ, &saved));
	ws = saved;
	ws.ws_row = 33;
	CHECK_OK(ioctl(fd, TIOCSWINSZ, &ws));
	memset(&ws, 0, sizeof(ws));
	CHECK(ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_row == 33, "window size round trip");
	CHECK_OK(ioctl(fd, TIOCSWINSZ, &saved));
	CHECK_OK(tcdrain(fd));
	int notty = open("/dev/null", O_RDWR);
	CHECK(notty >= 0 && !isatty(notty) && errno == ENOTTY, "/dev/null is no terminal");
	close(notty);
	close(fd);
}
