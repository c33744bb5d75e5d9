/*
 * head - copy the first part of files.
 *
 * POSIX: -n count (lines). Also -c count (bytes, with K/M... suffixes),
 * the historical -count form, and -q/-v to suppress or force the
 * "==> name <==" headers, as coreutils.
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: head [-qv] [-n lines | -c bytes] [file...]\n"
         "  -n N  print the first N lines (default 10)\n"
         "  -c N  print the first N bytes (suffixes b K M G allowed)\n"
         "  -q    never print file name headers;  -v  always print them\n");

/* Copies the first count lines (bytes if bytes) of fd to stdout.
 * Returns 0, or -1 after printing a read error. */
static int head_fd(int fd, const char *name, unsigned long long count, int bytes)
{
	static char buf[65536];
	ssize_t n, i;
	size_t take;

	while (count > 0) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			qu_errno(errno, "error reading %s", qu_quote(name));
			return -1;
		}
		if (n == 0)
			break;
		if (bytes) {
			take = count < (unsigned long long)n ? (size_t)count : (size_t)n;
			count -= take;
		} else {
			for (i = 0; i < n && count > 0; i++)
				if (buf[i] == '\n')
					count--;
			take = (size_t)i;
		}
		if (qu_write_all(STDOUT_FILENO, buf, take) != 0)
			qu_die_errno(1, errno, "error writing 'standard output'");
	}
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long long count = 10;
	int c, i, bytes = 0, headers = -1, status = 0, first = 1, nfiles;
	char *cnt = NULL;

	qu_init(argv[0]);
	/* historical form: head -5 */
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] >= '0' && argv[1][1] <= '9') {
		cnt = argv[1] + 1;
		qu_optind = 2;
	}
	while ((c = qu_getopt(argc, argv, "n:c:qv")) != -1) {
		switch (c) {
		case 'n':
			cnt = qu_optarg;
			bytes = 0;
			break;
		case 'c':
			cnt = qu_optarg;
			bytes = 1;
			break;
		case 'q':
			headers = 0;
			break;
		case 'v':
			headers = 1;
			break;
		}
	}
	if (cnt && qu_parse_size(cnt, &count) != 0)
		qu_die(1, "invalid number of %s: %s", bytes ? "bytes" : "lines", qu_quote(cnt));
	nfiles = argc - qu_optind;
	if (headers < 0)
		headers = nfiles > 1;
	if (nfiles == 0)
		argv[--qu_optind] = "-", nfiles = 1;
	for (i = qu_optind; i < argc; i++) {
		const char *name = argv[i];
		int fd = STDIN_FILENO;
		if (strcmp(name, "-") != 0) {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				qu_errno(errno, "cannot open %s for reading", qu_quote(name));
				status = 1;
				continue;
			}
		}
		if (headers) {
			printf("%s==> %s <==\n", first ? "" : "\n",
			       fd == STDIN_FILENO ? "standard input" : name);
			fflush(stdout);
		}
		first = 0;
		if (head_fd(fd, name, count, bytes) != 0)
			status = 1;
		if (fd != STDIN_FILENO)
			close(fd);
	}
	return status;
}
