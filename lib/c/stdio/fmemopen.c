/*
 * fmemopen.c - streams over a caller's memory buffer (POSIX fmemopen).
 *
 * The buffer has a capacity (size) and a current data length: reads stop
 * at the data length, writes may extend it up to the capacity, and unless
 * the mode has 'b' a NUL is kept after the data when it fits. SEEK_END is
 * relative to the data length.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "stdio_impl.h"

struct mem {
	unsigned char *buf;
	size_t size; /* capacity */
	size_t len;  /* data length */
	size_t pos;
	int append, binary, owned;
};

static ssize_t mem_read(FILE *f, unsigned char *p, size_t n)
{
	struct mem *m = f->cookie;

	if (m->pos >= m->len)
		return 0;
	if (n > m->len - m->pos)
		n = m->len - m->pos;
	memcpy(p, m->buf + m->pos, n);
	m->pos += n;
	return (ssize_t)n;
}

static ssize_t mem_write(FILE *f, const unsigned char *p, size_t n)
{
	struct mem *m = f->cookie;

	if (m->append)
		m->pos = m->len;
	if (m->pos >= m->size) {
		errno = ENOSPC;
		return -1;
	}
	if (n > m->size - m->pos)
		n = m->size - m->pos;
	memcpy(m->buf + m->pos, p, n);
	m->pos += n;
	if (m->pos > m->len)
		m->len = m->pos;
	if (!m->binary && m->len < m->size)
		m->buf[m->len] = '\0';
	return (ssize_t)n;
}

static off_t mem_seek(FILE *f, off_t off, int whence)
{
	struct mem *m = f->cookie;
	off_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off_t)m->pos : (off_t)m->len;

	if (off < -base || off > (off_t)m->size - base) {
		errno = EINVAL;
		return -1;
	}
	m->pos = (size_t)(base + off);
	return (off_t)m->pos;
}

static int mem_close(FILE *f)
{
	struct mem *m = f->cookie;

	if (m->owned)
		free(m->buf);
	free(m);
	return 0;
}

/*
 * A stream over size bytes at buf (or a fresh buffer of size bytes freed
 * at close if buf is NULL). NULL with EINVAL (size 0, bad mode) or ENOMEM.
 */
FILE *fmemopen(void *__restrict buf, size_t size, const char *__restrict mode)
{
	int o;
	unsigned ff;

	if (!size || __qsoe_fmode(mode, &o, &ff)) {
		errno = EINVAL;
		return NULL;
	}
	struct mem *m = calloc(1, sizeof(*m));
	FILE *f = __qsoe_fnew(-1, ff);
	if (!m || !f) {
		free(m);
		free(f);
		return NULL;
	}
	m->size = size;
	m->binary = strchr(mode, 'b') != NULL;
	m->append = mode[0] == 'a';
	if (!buf) {
		buf = calloc(1, size);
		if (!buf) {
			free(m);
			free(f);
			return NULL;
		}
		m->owned = 1;
	}
	m->buf = buf;
	if (mode[0] == 'r') {
		m->len = size;
	} else if (mode[0] == 'w') {
		m->buf[0] = '\0';
		m->len = 0;
	} else {
		unsigned char *z = memchr(m->buf, 0, size);
		m->len = m->pos = z ? (size_t)(z - m->buf) : size;
	}
	if (m->owned && mode[0] != 'r')
		m->len = 0;
	f->cookie = m;
	f->read = mem_read;
	f->write = mem_write;
	f->seek = mem_seek;
	f->close = mem_close;
	f->flags |= F_MODESET;
	__qsoe_flink(f);
	return f;
}
