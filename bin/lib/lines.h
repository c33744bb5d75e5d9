/*
 * lines.h - reading lines of any length from a file descriptor, with NUL
 * bytes kept (getline() on a FILE works too, but this reader also lets the
 * caller look at the first block to tell text from binary data).
 */
#ifndef QU_LINES_H
#define QU_LINES_H

#include <stddef.h>
#include <sys/types.h>

struct qu_reader {
	int fd;
	char *buf;
	size_t cap, start, end;
	int eof, err; /* err: errno of a read error */
};

/* Prepares r to read fd. */
void qu_reader_init(struct qu_reader *r, int fd);

/* Frees r's buffer (the fd is not closed). */
void qu_reader_free(struct qu_reader *r);

/* Fills the buffer with up to n bytes without consuming them; returns a
 * pointer to the buffered data and its length in *len. */
const char *qu_reader_peek(struct qu_reader *r, size_t n, size_t *len);

/* Returns the next line (without its newline, NUL-terminated in the
 * buffer, valid until the next call) and its length in *len, or NULL at the
 * end or on an error (r->err set). *had_nl tells whether the line ended
 * with a newline. */
char *qu_reader_line(struct qu_reader *r, size_t *len, int *had_nl);

#endif /* QU_LINES_H */
