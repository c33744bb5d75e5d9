/*
 * memstream.c - open_memstream: a write stream into a growing buffer.
 *
 * After every flush (and at fclose) *bufp points at the data, which is
 * NUL-terminated, and *sizep is the current position. Seeking past the end
 * and writing fills the gap with zero bytes. The caller frees *bufp.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "stdio_impl.h"

struct ms {
	char **bufp;
	size_t *sizep;
	char *buf;
	size_t cap, len, pos;
};

/* Make room for n bytes plus a NUL; 0 or -1 (ENOMEM). */
static int grow(struct ms *m, size_t n)
{
	if (n < m->cap)
		return 0;
	size_t cap = m->cap ? m->cap : 64;
	while (cap <= n) {
		if (cap > (size_t)-1 / 2) {
			errno = ENOMEM;
			return -1;
		}
		cap *= 2;
	}
	char *b = realloc(m->buf, cap);
	if (!b)
		return -1;
	memset(b + m->cap, 0, cap - m->cap);
	m->buf = b;
	m->cap = cap;
	*m->bufp = b;
	return 0;
}

static void publish(struct ms *m)
{
	*m->bufp = m->buf;
	*m->sizep = m->pos < m->len ? m->pos : m->len;
}

static ssize_t ms_write(FILE *f, const unsigned char *p, size_t n)
{
	struct ms *m = f->cookie;

	if (n > (size_t)-1 - m->pos - 1 || grow(m, m->pos + n))
		return -1;
	memcpy(m->buf + m->pos, p, n);
	m->pos += n;
	if (m->pos > m->len) {
		m->len = m->pos;
		m->buf[m->len] = '\0';
	}
	publish(m);
	return (ssize_t)n;
}

static off_t ms_seek(FILE *f, off_t off, int whence)
{
	struct ms *m = f->cookie;
	off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off_t)m->pos : (off_t)m->len;

	if (off < -base || base + off > (off_t)((size_t)-1 >> 2)) {
		errno = EINVAL;
		return -1;
	}
	m->pos = (size_t)(base + off);
	if (m->pos > m->len) {
		if (grow(m, m->pos))
			return -1;
		m->len = m->pos; /* the gap reads as zeros */
		m->buf[m->len] = '\0';
	}
	publish(m);
	return (off_t)m->pos;
}

static int ms_close(FILE *f)
{
	struct ms *m = f->cookie;

	publish(m);
	free(m);
	return 0;
}

/* A write stream into a malloc'd buffer reported through *bufp and *sizep. */
FILE *open_memstream(char **bufp, size_t *sizep)
{
	if (!bufp || !sizep) {
		errno = EINVAL;
		return NULL;
	}
	struct ms *m = calloc(1, sizeof(*m));
	FILE *f = __qsoe_fnew(-1, F_WR);
	if (!m || !f) {
		free(m);
		free(f);
		return NULL;
	}
	m->bufp = bufp;
	m->sizep = sizep;
	if (grow(m, 0)) {
		free(m);
		free(f);
		return NULL;
	}
	publish(m);
	f->cookie = m;
	f->write = ms_write;
	f->seek = ms_seek;
	f->close = ms_close;
	f->flags |= F_MODESET;
	__qsoe_flink(f);
	return f;
}
