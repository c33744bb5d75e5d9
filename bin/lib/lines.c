/*
 * lines.c - the line reader (see lines.h).
 */
#include "lines.h"
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* See lines.h. */
void qu_reader_init(struct qu_reader *r, int fd)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
}

/* See lines.h. */
void qu_reader_free(struct qu_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

/* Reads more data at the end of the buffer; returns bytes read, 0 at EOF,
 * -1 on error. */
static ssize_t fill(struct qu_reader *r)
{
	ssize_t n;

	if (r->eof)
		return 0;
	if (r->start > 0 && r->start == r->end) {
		r->start = r->end = 0;
	} else if (r->start > r->cap / 2) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < 32768) {
		r->cap = r->cap ? r->cap * 2 : 65536;
		r->buf = qu_realloc(r->buf, r->cap + 1);
	}
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		r->err = errno;
		r->eof = 1;
		return -1;
	}
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
	return n;
}

/* See lines.h. */
const char *qu_reader_peek(struct qu_reader *r, size_t n, size_t *len)
{
	while (r->end - r->start < n && fill(r) > 0)
		;
	*len = r->end - r->start;
	return r->buf ? r->buf + r->start : "";
}

/* See lines.h. */
char *qu_reader_line(struct qu_reader *r, size_t *len, int *had_nl)
{
	size_t scanned = 0;
	char *nl, *line;

	for (;;) {
		nl = r->buf ? memchr(r->buf + r->start + scanned, '\n', r->end - r->start - scanned)
		            : NULL;
		if (nl)
			break;
		scanned = r->end - r->start;
		if (fill(r) <= 0) {
			if (r->end == r->start)
				return NULL;
			/* last line without a newline */
			line = r->buf + r->start;
			*len = r->end - r->start;
			line[*len] = 0;
			r->start = r->end;
			*had_nl = 0;
			return line;
		}
	}
	line = r->buf + r->start;
	*len = (size_t)(nl - line);
	*nl = 0;
	r->start += *len + 1;
	*had_nl = 1;
	return line;
}
