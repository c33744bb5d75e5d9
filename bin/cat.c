/*
 * cat - concatenate files to standard output.
 *
 * POSIX: -u (unbuffered; output is always written as it is read here).
 * Also as coreutils: -n number lines, -b number non-blank lines, -s squeeze
 * blank lines, -v show non-printing characters, -e (-v and $ at line ends),
 * -t (-v and ^I for tabs), -A (-vet).
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: cat [-Abenstuv] [file...]\n"
         "  -A  same as -vet          -b  number non-blank lines\n"
         "  -e  -v and $ at line end  -n  number all lines\n"
         "  -s  squeeze blank lines   -t  -v and tabs as ^I\n"
         "  -u  unbuffered (ignored)  -v  show non-printing as ^X and M-X\n");

static int opt_n, opt_b, opt_s, opt_v, opt_e, opt_t;

/* State of line-oriented output, kept across files as coreutils does. */
static unsigned long long lineno;
static int at_bol = 1, blank_run;

/* Copies fd to stdout unchanged; returns 0 or -1 (message printed). */
static int copy_raw(int fd, const char *name)
{
	static char buf[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			qu_errno(errno, "%s", qu_quotef(name));
			return -1;
		}
		if (n == 0)
			return 0;
		if (qu_write_all(STDOUT_FILENO, buf, (size_t)n) != 0)
			qu_die_errno(1, errno, "write error");
	}
}

/* Writes character c with the -v/-e/-t transformations. */
static void put_visible(int c)
{
	if (c == '\n') {
		if (opt_e)
			putchar('$');
		putchar('\n');
		return;
	}
	if (c == '\t' && !opt_t) {
		putchar(c);
		return;
	}
	if (opt_v) {
		if (c >= 128) {
			fputs("M-", stdout);
			c -= 128;
		}
		if (c < 32) {
			putchar('^');
			c += 64;
		} else if (c == 127) {
			putchar('^');
			c = '?';
		}
	}
	putchar(c);
}

/* Copies a stream with line numbering and the visibility options. */
static int copy_cooked(int fd, const char *name)
{
	static char buf[65536];
	ssize_t n, i;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			qu_errno(errno, "%s", qu_quotef(name));
			return -1;
		}
		if (n == 0)
			return 0;
		for (i = 0; i < n; i++) {
			int c = (unsigned char)buf[i];
			if (at_bol) {
				if (c == '\n') {
					if (opt_s && blank_run)
						continue;
					blank_run = 1;
					if (opt_n && !opt_b)
						printf("%6llu\t", ++lineno);
				} else {
					blank_run = 0;
					if (opt_n || opt_b)
						printf("%6llu\t", ++lineno);
				}
			}
			put_visible(c);
			at_bol = c == '\n';
		}
		if (ferror(stdout))
			qu_die_errno(1, errno, "write error");
	}
}

int main(int argc, char **argv)
{
	struct stat out, in;
	int c, i, status = 0, cooked, have_out;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "AbenstuvET")) != -1) {
		switch (c) {
		case 'A':
			opt_v = opt_e = opt_t = 1;
			break;
		case 'b':
			opt_b = opt_n = 1;
			break;
		case 'e':
			opt_v = opt_e = 1;
			break;
		case 'E':
			opt_e = 1;
			break;
		case 'n':
			opt_n = 1;
			break;
		case 's':
			opt_s = 1;
			break;
		case 't':
			opt_v = opt_t = 1;
			break;
		case 'T':
			opt_t = 1;
			break;
		case 'v':
			opt_v = 1;
			break;
		}
	}
	cooked = opt_n || opt_s || opt_v || opt_e || opt_t;
	have_out = fstat(STDOUT_FILENO, &out) == 0;
	if (qu_optind >= argc)
		argv[--qu_optind] = "-";
	for (i = qu_optind; i < argc; i++) {
		const char *name = argv[i];
		int fd = STDIN_FILENO;
		if (strcmp(name, "-") != 0) {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				qu_errno(errno, "%s", qu_quotef(name));
				status = 1;
				continue;
			}
		}
		if (fstat(fd, &in) == 0 && S_ISDIR(in.st_mode)) {
			qu_errno(EISDIR, "%s", qu_quotef(name));
			status = 1;
		} else if (have_out && S_ISREG(in.st_mode) && in.st_dev == out.st_dev &&
		           in.st_ino == out.st_ino && in.st_size > 0 &&
		           lseek(fd, 0, SEEK_CUR) < lseek(STDOUT_FILENO, 0, SEEK_END)) {
			qu_err("%s: input file is output file", qu_quotef(name));
			status = 1;
		} else if ((cooked ? copy_cooked(fd, name) : copy_raw(fd, name)) != 0) {
			status = 1;
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
