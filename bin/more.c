/*
 * more - a simple pager.
 *
 * When standard output is not a terminal, the files are copied to it (with
 * a "::::::::::::::" header before each named file, as util-linux more
 * does). On a terminal, a screenful is shown at a time (LINES, default
 * 24, and COLUMNS for wrapping) with a --More-- prompt; keys are read from
 * /dev/tty (or stderr) in non-canonical mode: space next page, return or j
 * next line, d half a page, q quit, b back a page (files only).
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

QU_USAGE("Usage: more [file...]\n"
         "Keys: space next page, return next line, d half page, b back, q quit.\n");

static int rows = 24, cols = 80, keyfd = -1;
static struct termios saved;
static int have_saved;

/* Restores the terminal modes. */
static void restore(void)
{
	if (have_saved)
		tcsetattr(keyfd, TCSAFLUSH, &saved);
	have_saved = 0;
}

/* Reads one key (without waiting for a newline); returns -1 at EOF. */
static int key(void)
{
	unsigned char c;
	ssize_t n;

	do
		n = read(keyfd, &c, 1);
	while (n < 0 && errno == EINTR);
	return n == 1 ? c : -1;
}

/* Copies a file to stdout unchanged (not a terminal). */
static int copy(int fd, const char *name)
{
	char buf[65536];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			qu_errno(errno, "%s", name);
			return 1;
		}
		if (qu_write_all(STDOUT_FILENO, buf, (size_t)n) != 0)
			qu_die_errno(1, errno, "write error");
	}
	return 0;
}

/* Reads a whole file (for paging). */
static char *slurp(int fd, size_t *len)
{
	char *d = NULL;
	size_t cap = 0, n = 0;
	ssize_t r;

	for (;;) {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 65536;
			d = qu_realloc(d, cap);
		}
		r = read(fd, d + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	*len = n;
	return d;
}

/* Splits text into screen lines (wrapping at cols); returns their starts. */
static size_t *screen_lines(const char *d, size_t len, size_t *nl)
{
	size_t *v = NULL, n = 0, cap = 0, i = 0, col = 0, start = 0;

	while (i <= len) {
		if (i == len || d[i] == '\n' || col >= (size_t)cols) {
			if (n == cap) {
				cap = cap ? cap * 2 : 256;
				v = qu_realloc(v, cap * sizeof(*v) * 2);
			}
			v[2 * n] = start;
			v[2 * n + 1] = i;
			n++;
			if (i == len)
				break;
			if (d[i] == '\n')
				i++;
			start = i;
			col = 0;
			if (i == len)
				break;
			continue;
		}
		col += d[i] == '\t' ? 8 - col % 8 : 1;
		i++;
	}
	*nl = n;
	return v;
}

/* Pages one file on the terminal; returns 1 if the user quit. */
static int page(const char *d, size_t len, const char *name, int multi)
{
	size_t n, *v = screen_lines(d, len, &n), top = 0, show = (size_t)rows - 1, i;
	int k, quit = 0;

	if (multi)
		printf("::::::::::::::\n%s\n::::::::::::::\n", name);
	for (;;) {
		for (i = top; i < top + show && i < n; i++) {
			fwrite(d + v[2 * i], 1, v[2 * i + 1] - v[2 * i], stdout);
			putchar('\n');
		}
		top = i;
		if (top >= n)
			break;
		printf("\033[7m--More--(%d%%)\033[m", (int)(v[2 * top] * 100 / (len ? len : 1)));
		fflush(stdout);
		k = key();
		printf("\r\033[K");
		if (k < 0 || k == 'q' || k == 'Q') {
			quit = 1;
			break;
		}
		if (k == '\n' || k == '\r' || k == 'j')
			show = 1;
		else if (k == 'd')
			show = (size_t)rows / 2;
		else if (k == 'b') {
			size_t back = 2 * ((size_t)rows - 1);
			top = top > back ? top - back : 0;
			show = (size_t)rows - 1;
		} else
			show = (size_t)rows - 1;
	}
	free(v);
	return quit;
}

int main(int argc, char **argv)
{
	int i, status = 0, tty = isatty(STDOUT_FILENO), multi;
	const char *e;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind >= argc)
		argv[--qu_optind] = "-";
	multi = argc - qu_optind > 1;
	if (tty) {
		struct termios t;
		if ((e = getenv("LINES")) && atoi(e) > 1)
			rows = atoi(e);
		if ((e = getenv("COLUMNS")) && atoi(e) > 1)
			cols = atoi(e);
		keyfd = open("/dev/tty", O_RDONLY);
		if (keyfd < 0 && isatty(STDERR_FILENO))
			keyfd = STDERR_FILENO;
		if (keyfd >= 0 && tcgetattr(keyfd, &saved) == 0) {
			have_saved = 1;
			atexit(restore);
			t = saved;
			t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
			t.c_cc[VMIN] = 1;
			t.c_cc[VTIME] = 0;
			tcsetattr(keyfd, TCSAFLUSH, &t);
		} else {
			tty = 0; /* no way to read keys: behave like cat */
		}
	}
	for (i = qu_optind; i < argc; i++) {
		int fd = STDIN_FILENO;
		if (strcmp(argv[i], "-")) {
			fd = open(argv[i], O_RDONLY);
			if (fd < 0) {
				qu_errno(errno, "cannot open %s", argv[i]);
				status = 1;
				continue;
			}
		}
		if (!tty) {
			/* as util-linux more: named files get a header */
			if (multi || fd != STDIN_FILENO)
				printf("::::::::::::::\n%s\n::::::::::::::\n", argv[i]);
			fflush(stdout);
			status |= copy(fd, argv[i]);
		} else {
			size_t len;
			char *d = slurp(fd, &len);
			int q = page(d, len, argv[i], multi);
			free(d);
			if (q) {
				if (fd != STDIN_FILENO)
					close(fd);
				break;
			}
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	restore();
	return status;
}
