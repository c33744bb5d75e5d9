/*
 * tail - copy the last part of files (POSIX: -f, -c number, -n number with
 * the +number form counting from the start; also the historical -N/+N forms
 * and several files with headers, as coreutils).
 *
 * Regular files are read backwards from the end; pipes are read completely.
 * -f polls the file every 0.2 s for new data (and notices truncation).
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: tail [-f] [-c [+]number | -n [+]number] [file...]\n"
         "  -n N   last N lines (+N: from line N)     -c N  last N bytes (+N: from byte N)\n"
         "  -f     keep reading as the file grows\n");

static int from_start, bytes;
static unsigned long long count = 10;

/* Copies fd from its current offset to stdout; returns 0 or -1. */
static int copy_rest(int fd, const char *name)
{
	static char buf[65536];
	ssize_t n;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			qu_errno(errno, "error reading %s", qu_quote(name));
			return -1;
		}
		if (n == 0)
			return 0;
		if (qu_write_all(STDOUT_FILENO, buf, (size_t)n) != 0)
			qu_die_errno(1, errno, "error writing %s", qu_quote("standard output"));
	}
}

/* +N: skips count-1 lines or bytes, then copies the rest. */
static int tail_from_start(int fd, const char *name)
{
	static char buf[65536];
	unsigned long long skip = count ? count - 1 : 0;
	ssize_t n, i;

	while (skip > 0) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			qu_errno(errno, "error reading %s", qu_quote(name));
			return -1;
		}
		if (n == 0)
			return 0;
		if (bytes) {
			if ((unsigned long long)n <= skip) {
				skip -= (unsigned long long)n;
				continue;
			}
			i = (ssize_t)skip;
			skip = 0;
		} else {
			for (i = 0; i < n && skip > 0; i++)
				if (buf[i] == '\n')
					skip--;
			if (skip > 0)
				continue;
		}
		if (qu_write_all(STDOUT_FILENO, buf + i, (size_t)(n - i)) != 0)
			qu_die_errno(1, errno, "error writing %s", qu_quote("standard output"));
	}
	return copy_rest(fd, name);
}

/* Last count lines/bytes of a seekable file of the given size. */
static int tail_seekable(int fd, const char *name, off_t size)
{
	static char buf[65536];
	off_t pos = size, start;
	unsigned long long lines = 0;
	ssize_t n, i;
	int last_checked = 0;

	if (bytes) {
		start = (unsigned long long)size > count ? size - (off_t)count : 0;
	} else {
		start = 0;
		while (pos > 0) {
			off_t chunk = pos >= (off_t)sizeof(buf) ? (off_t)sizeof(buf) : pos;
			pos -= chunk;
			if (lseek(fd, pos, SEEK_SET) < 0 ||
			    (n = qu_read_full(fd, buf, (size_t)chunk)) < 0) {
				qu_errno(errno, "error reading %s", qu_quote(name));
				return -1;
			}
			for (i = n - 1; i >= 0; i--) {
				if (buf[i] != '\n')
					continue;
				/* a final newline ends the last line, it does not start one */
				if (!last_checked && pos + i == size - 1)
					continue;
				if (++lines == count) {
					start = pos + i + 1;
					goto found;
				}
			}
			last_checked = 1;
		}
	}
found:
	if (count == 0 && !bytes)
		start = size;
	if (lseek(fd, start, SEEK_SET) < 0) {
		qu_errno(errno, "cannot seek %s", qu_quote(name));
		return -1;
	}
	{
		/* copy exactly up to the size seen, more data belongs to -f */
		off_t left = size - start;
		while (left > 0) {
			n = read(fd, buf, left > (off_t)sizeof(buf) ? sizeof(buf) : (size_t)left);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			if (qu_write_all(STDOUT_FILENO, buf, (size_t)n) != 0)
				qu_die_errno(1, errno, "error writing %s",
				             qu_quote("standard output"));
			left -= n;
		}
	}
	return 0;
}

/* Last count lines/bytes of a stream: reads everything, keeps the end. */
static int tail_stream(int fd, const char *name)
{
	char *data = NULL;
	size_t len = 0, cap = 0, start;
	unsigned long long lines = 0;
	ssize_t n;

	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 131072;
			data = qu_realloc(data, cap);
		}
		n = read(fd, data + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			qu_errno(errno, "error reading %s", qu_quote(name));
			free(data);
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		/* keep memory bounded for byte counts */
		if (bytes && len > count + 65536) {
			memmove(data, data + len - count, (size_t)count);
			len = (size_t)count;
		}
	}
	if (bytes) {
		start = len > count ? len - (size_t)count : 0;
	} else {
		size_t i = len;
		start = count ? 0 : len;
		if (i > 0 && data[i - 1] == '\n')
			i--; /* the final newline ends the last line */
		while (count && i > 0) {
			if (data[--i] == '\n' && ++lines == count) {
				start = i + 1;
				break;
			}
		}
	}
	if (len > start && qu_write_all(STDOUT_FILENO, data + start, len - start) != 0)
		qu_die_errno(1, errno, "error writing %s", qu_quote("standard output"));
	free(data);
	return 0;
}

/* -f: follows fd forever, printing data appended to it. */
static _Noreturn void follow(int fd, const char *name)
{
	struct timespec ts = {0, 200000000};
	struct stat st;
	off_t pos = lseek(fd, 0, SEEK_CUR);

	for (;;) {
		nanosleep(&ts, NULL);
		if (fstat(fd, &st) != 0)
			continue;
		if (S_ISREG(st.st_mode) && st.st_size < pos) {
			qu_err("%s: file truncated", qu_quotef(name));
			lseek(fd, 0, SEEK_SET);
		}
		copy_rest(fd, name);
		pos = lseek(fd, 0, SEEK_CUR);
	}
}

/* Parses a count with optional '+' (from the start) or '-'. */
static void parse_count(const char *s)
{
	if (*s == '+') {
		from_start = 1;
		s++;
	} else if (*s == '-') {
		s++;
	}
	if (qu_parse_size(s, &count) != 0)
		qu_die(1, "invalid number of %s: %s", bytes ? "bytes" : "lines", qu_quote(s));
}

int main(int argc, char **argv)
{
	int c, i, opt_f = 0, status = 0, headers, first = 1, nfiles, fd = -1;
	struct stat st;
	const char *cnt = NULL, *name = NULL;

	qu_init(argv[0]);
	/* historical forms: tail -5, tail +5, tail -5f */
	if (argc > 1 && (argv[1][0] == '-' || argv[1][0] == '+') && argv[1][1] >= '0' &&
	    argv[1][1] <= '9') {
		char *p = argv[1] + 1 + strspn(argv[1] + 1, "0123456789");
		if (!*p || !strcmp(p, "f") || !strcmp(p, "c") || !strcmp(p, "l")) {
			static char num[32];
			snprintf(num, sizeof(num), "%c%.*s", argv[1][0], (int)(p - argv[1] - 1),
			         argv[1] + 1);
			cnt = num;
			opt_f = *p == 'f';
			bytes = *p == 'c';
			qu_optind = 2;
		}
	}
	while ((c = qu_getopt(argc, argv, "fn:c:qv")) != -1) {
		switch (c) {
		case 'f':
			opt_f = 1;
			break;
		case 'n':
			cnt = qu_optarg;
			bytes = 0;
			break;
		case 'c':
			cnt = qu_optarg;
			bytes = 1;
			break;
		}
	}
	if (cnt)
		parse_count(cnt);
	nfiles = argc - qu_optind;
	headers = nfiles > 1;
	if (nfiles == 0)
		argv[--qu_optind] = "-", nfiles = 1;
	for (i = qu_optind; i < argc; i++) {
		name = argv[i];
		fd = STDIN_FILENO;
		if (strcmp(name, "-") != 0) {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				qu_errno(errno, "cannot open %s for reading", qu_quote(name));
				status = 1;
				continue;
			}
		} else {
			name = "standard input";
		}
		if (headers) {
			printf("%s==> %s <==\n", first ? "" : "\n", name);
			fflush(stdout);
		}
		first = 0;
		if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
			qu_errno(EISDIR, "error reading %s", qu_quote(name));
			status = 1;
		} else if (from_start) {
			status |= tail_from_start(fd, name) != 0;
		} else if (S_ISREG(st.st_mode) && lseek(fd, 0, SEEK_END) >= 0) {
			status |= tail_seekable(fd, name, st.st_size) != 0;
		} else {
			status |= tail_stream(fd, name) != 0;
		}
		if (opt_f && i == argc - 1 && !(fd == STDIN_FILENO && !S_ISREG(st.st_mode)))
			follow(fd, name);
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
