/*
 * tty.c - terminal helpers: window size (COLUMNS/LINES), raw mode for the
 * line editor, and ulimit (the part of the platform that is not plain
 * POSIX is kept here).
 */
#include "qsh.h"
#include "shell.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

/* Terminal size of fd; 0 on success. */
int tty_winsize(int fd, int *cols, int *rows)
{
#ifdef TIOCGWINSZ
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		*cols = ws.ws_col;
		*rows = ws.ws_row;
		return 0;
	}
#else
	(void)fd;
	(void)cols;
	(void)rows;
#endif
	return -1;
}

static int size_imported = -1;

/* Set COLUMNS and LINES from the terminal (unless imported/unset by the user). */
void tty_update_size(void)
{
	if (size_imported < 0) {
		struct var *c = var_lookup("COLUMNS");
		size_imported = c && (c->flags & V_IMPORT);
	}
	if (size_imported || sh.tty_fd < 0)
		return;
	int cols, rows;
	if (tty_winsize(sh.tty_fd, &cols, &rows) < 0)
		return;
	if (cols < 12 || rows < 3)
		return;
	var_setint("COLUMNS", cols);
	var_setint("LINES", rows);
}

/* Current width for the editor. */
int tty_columns(void)
{
	const char *c = var_getstr("COLUMNS");
	long n = c ? atol(c) : 0;
	return n >= 12 ? (int)n : 80;
}

static struct termios saved;
static int raw_on;

/* Put fd in the editor's raw mode (no echo, byte at a time, signals on). */
int tty_raw(int fd)
{
	if (tcgetattr(fd, &saved) < 0)
		return -1;
	struct termios t = saved;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHONL | IEXTEN);
	t.c_iflag &= ~(tcflag_t)(ICRNL | INLCR | IGNCR | IXON);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSADRAIN, &t) < 0)
		return -1;
	raw_on = 1;
	return 0;
}

/* Restore the mode saved by tty_raw. */
void tty_cooked(int fd)
{
	if (raw_on) {
		tcsetattr(fd, TCSADRAIN, &saved);
		raw_on = 0;
	}
}

/* Erase/kill/werase characters of the terminal (defaults if unknown). */
void tty_chars(int *erase, int *kill, int *werase, int *eof, int *intr)
{
	*erase = saved.c_cc[VERASE] ? saved.c_cc[VERASE] : 0x7f;
	*kill = saved.c_cc[VKILL] ? saved.c_cc[VKILL] : 0x15;
#ifdef VWERASE
	*werase = saved.c_cc[VWERASE] ? saved.c_cc[VWERASE] : 0x17;
#else
	*werase = 0x17;
#endif
	*eof = saved.c_cc[VEOF] ? saved.c_cc[VEOF] : 4;
	*intr = saved.c_cc[VINTR] ? saved.c_cc[VINTR] : 3;
}

/* ulimit [-aHS] [-f] [value]: the file size limit (512-byte blocks). */
int ulimit_builtin(int argc, char **argv)
{
#ifdef RLIMIT_FSIZE
	int hard = 0, all = 0, i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "-H"))
			hard = 1;
		else if (!strcmp(argv[i], "-a"))
			all = 1;
	}
	struct rlimit rl;
	if (getrlimit(RLIMIT_FSIZE, &rl) < 0) {
		bi_errorf("%s", "can't get limit");
		return 1;
	}
	if (i >= argc || all) {
		rlim_t v = hard ? rl.rlim_max : rl.rlim_cur;
		if (all)
			out_str(1, "-f: file size (blocks)          ");
		if (v == RLIM_INFINITY)
			out_str(1, "unlimited\n");
		else
			out_fmt(1, "%lu\n", (unsigned long)(v / 512));
		return 0;
	}
	rlim_t v;
	if (!strcmp(argv[i], "unlimited"))
		v = RLIM_INFINITY;
	else
		v = (rlim_t)arith_eval_str(argv[i]) * 512;
	if (hard)
		rl.rlim_max = v;
	else
		rl.rlim_cur = v;
	if (setrlimit(RLIMIT_FSIZE, &rl) < 0) {
		bi_errorf("bad limit: %s", argv[i]);
		return 1;
	}
	return 0;
#else
	(void)argc;
	(void)argv;
	out_str(1, "unlimited\n");
	return 0;
#endif
}
