/*
 * io.c - whole-buffer reads and writes, and the stdout check at exit.
 */
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes all n bytes of buf to fd; returns 0, or -1 with errno set. */
int qu_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Reads until n bytes or end of file; returns the count, or -1 with errno. */
ssize_t qu_read_full(int fd, void *buf, size_t n)
{
	char *p = buf;
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, p + got, n - got);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

/* atexit handler: reports a failed write to stdout and makes the exit status 1. */
void qu_check_stdout(void)
{
	int bad = fflush(stdout) != 0 || ferror(stdout);
	int e = errno;

	if (fclose(stdout) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		if (e == EBADF)
			return;
		fprintf(stderr, "%s: write error: %s\n", qu_prog, strerror(e));
		_exit(1);
	}
}

/* Reads a line from stdin (the answer to a prompt just printed on stderr);
 * returns 1 if its first character is y or Y. */
int qu_yes(void)
{
	int c = getchar(), first = c;

	while (c != EOF && c != '\n')
		c = getchar();
	return first == 'y' || first == 'Y';
}

/* See qu.h. */
char *qu_read_line(int fd)
{
	char *buf = NULL, c;
	size_t len = 0, cap = 0;
	ssize_t r;

	for (;;) {
		r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0 || c == '\n')
			break;
		if (len + 2 > cap)
			buf = qu_realloc(buf, cap = cap ? cap * 2 : 64);
		buf[len++] = c;
	}
	if (r <= 0 && len == 0) {
		free(buf);
		return NULL;
	}
	if (!buf)
		buf = qu_malloc(1);
	buf[len] = 0;
	return buf;
}
