/*
 * termios.c - terminal control (POSIX termios) as devctl commands to the
 * terminal's resource manager (<sys/dcmd_chr.h>), plus isatty and
 * ttyname. The line discipline itself lives in the driver.
 */
#include <devctl.h>
#include <string.h>
#include <sys/dcmd_chr.h>
#include <termios.h>
#include <unistd.h>
#include "qsoe_os.h"

int __qsoe_devctl(int fd, int dcmd, void *data, size_t n, int *info);

/* A terminal devctl: 0, or -1 with errno (ENOTTY for non-terminals). */
static int tdev(int fd, int dcmd, void *data, size_t n)
{
	int e = __qsoe_devctl(fd, dcmd, data, n, NULL);

	if (e == ENOSYS || e == EINVAL)
		e = ENOTTY;
	return (int)__qsoe_ret(-e);
}

int tcgetattr(int fd, struct termios *t)
{
	return tdev(fd, DCMD_CHR_TCGETATTR, t, sizeof(*t));
}

int tcsetattr(int fd, int when, const struct termios *t)
{
	int cmd;

	switch (when) {
	case TCSANOW:
		cmd = DCMD_CHR_TCSETATTR;
		break;
	case TCSADRAIN:
		cmd = DCMD_CHR_TCSETATTRD;
		break;
	case TCSAFLUSH:
		cmd = DCMD_CHR_TCSETATTRF;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	return tdev(fd, cmd, (void *)t, sizeof(*t));
}

/* 1 if fd is a terminal; 0 with errno ENOTTY (or EBADF) otherwise. */
int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pg = 0;

	return tdev(fd, DCMD_CHR_TCGETPGRP, &pg, sizeof(pg)) < 0 ? -1 : pg;
}

int tcsetpgrp(int fd, pid_t pgrp)
{
	if (pgrp <= 0) {
		errno = EINVAL;
		return -1;
	}
	return tdev(fd, DCMD_CHR_TCSETPGRP, &pgrp, sizeof(pgrp));
}

pid_t tcgetsid(int fd)
{
	pid_t sid = 0;

	return tdev(fd, DCMD_CHR_TCGETSID, &sid, sizeof(sid)) < 0 ? -1 : sid;
}

int tcdrain(int fd)
{
	__qsoe_testcancel();
	return tdev(fd, DCMD_CHR_TCDRAIN, NULL, 0);
}

int tcflow(int fd, int action)
{
	if (action < TCOOFF || action > TCION) {
		errno = EINVAL;
		return -1;
	}
	return tdev(fd, DCMD_CHR_TCFLOW, &action, sizeof(action));
}

int tcflush(int fd, int queue)
{
	if (queue != TCIFLUSH && queue != TCOFLUSH && queue != TCIOFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return tdev(fd, DCMD_CHR_TCFLUSH, &queue, sizeof(queue));
}

/* A break of about 300 ms for duration 0 (QNX: the duration is in 100 ms units). */
int tcsendbreak(int fd, int duration)
{
	int ctl = _SERCTL_BRK | _SERCTL_BRK_CHG | ((duration > 0 ? duration : 3) << 16);

	return tdev(fd, DCMD_CHR_SERCTL, &ctl, sizeof(ctl));
}

/* QNX tcgetsize: the window size in rows and columns (either pointer may be NULL). */
int tcgetsize(int fd, int *rows, int *cols)
{
	struct winsize w;

	if (tdev(fd, DCMD_CHR_GETSIZE, &w, sizeof(w)) < 0)
		return -1;
	if (rows)
		*rows = w.ws_row;
	if (cols)
		*cols = w.ws_col;
	return 0;
}

int tcsetsize(int fd, int rows, int cols)
{
	struct winsize w = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};

	if (rows < 0 || cols < 0 || rows > 0xffff || cols > 0xffff) {
		errno = EINVAL;
		return -1;
	}
	return tdev(fd, DCMD_CHR_SETSIZE, &w, sizeof(w));
}

/* POSIX-2024: the terminal's window size into *w; 0 or -1 with errno (ENOTTY...). */
int tcgetwinsize(int fd, struct winsize *w)
{
	return tdev(fd, DCMD_CHR_GETSIZE, w, sizeof(*w)) < 0 ? -1 : 0;
}

/* POSIX-2024: sets the terminal's window size (the foreground group gets SIGWINCH). */
int tcsetwinsize(int fd, const struct winsize *w)
{
	struct winsize c = *w;

	return tdev(fd, DCMD_CHR_SETSIZE, &c, sizeof(c)) < 0 ? -1 : 0;
}

speed_t cfgetispeed(const struct termios *t)
{
	return t->c_ispeed;
}

speed_t cfgetospeed(const struct termios *t)
{
	return t->c_ospeed;
}

int cfsetispeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = speed;
	return 0;
}

int cfsetospeed(struct termios *t, speed_t speed)
{
	t->c_ospeed = speed;
	return 0;
}

int cfsetspeed(struct termios *t, speed_t speed)
{
	t->c_ispeed = t->c_ospeed = speed;
	return 0;
}

/* Raw mode: no input processing, no echo, no signals, 8-bit characters, reads of 1 byte. */
void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~(tcflag_t)OPOST;
	t->c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

/* The name of the terminal open on fd, from its server; an error number on failure. */
int ttyname_r(int fd, char *buf, size_t len)
{
	char path[PATH_MAX];

	if (!isatty(fd))
		return errno;
	int r = __qsoe_fdpath(fd, path, sizeof(path));
	if (r < 0)
		return r == -ENOSYS ? ENOTTY : -r;
	if (strlen(path) >= len)
		return ERANGE;
	strcpy(buf, path);
	return 0;
}

char *ttyname(int fd)
{
	static char name[TTY_NAME_MAX > 64 ? TTY_NAME_MAX : 64];
	int e = ttyname_r(fd, name, sizeof(name));

	if (e) {
		errno = e;
		return NULL;
	}
	return name;
}
