/*
 * dbfile.c - reading the account files (/etc/passwd, /etc/group,
 * /etc/shadow) line by line over open()/read(), and the field helpers the
 * three readers share. Lines may be of any length.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pwd_impl.h"

const char *__qsoe_passwd_file = "/etc/passwd";
const char *__qsoe_group_file = "/etc/group";
const char *__qsoe_shadow_file = "/etc/shadow";

/* Opens path for reading; see pwd_impl.h. */
int __db_open(struct dbfile *f, const char *path)
{
	memset(f, 0, sizeof(*f));
	f->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (f->fd < 0)
		return errno;
	return 0;
}

/* The next line; see pwd_impl.h. */
char *__db_line(struct dbfile *f, int *err)
{
	*err = 0;
	for (;;) {
		/* a complete line in the buffer? */
		char *nl = f->pos < f->len ? memchr(f->buf + f->pos, '\n', f->len - f->pos) : NULL;
		if (nl || (f->eof && f->pos < f->len)) {
			char *line = f->buf + f->pos;
			if (nl) {
				*nl = 0;
				f->pos = (size_t)(nl - f->buf) + 1;
			} else {
				/* the last line without a newline: terminate it (room kept below) */
				f->buf[f->len] = 0;
				f->pos = f->len;
			}
			return line;
		}
		if (f->eof)
			return NULL;
		/* move the partial line to the front and read more */
		if (f->pos) {
			memmove(f->buf, f->buf + f->pos, f->len - f->pos);
			f->len -= f->pos;
			f->pos = 0;
		}
		if (f->cap - f->len < 512) {
			size_t cap = f->cap ? f->cap * 2 : 1024;
			char *b = realloc(f->buf, cap + 1);
			if (!b) {
				*err = ENOMEM;
				return NULL;
			}
			f->buf = b;
			f->cap = cap;
		}
		ssize_t n = read(f->fd, f->buf + f->len, f->cap - f->len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			return NULL;
		}
		if (n == 0)
			f->eof = 1;
		f->len += (size_t)n;
	}
}

void __db_close(struct dbfile *f)
{
	if (f->fd >= 0)
		close(f->fd);
	free(f->buf);
	f->fd = -1;
	f->buf = NULL;
}

/* Splits line at ':'; see pwd_impl.h. */
int __db_split(char *line, char **fields, int n)
{
	int k = 0;
	char *s = line;
	for (;;) {
		if (k == n)
			return n + 1;
		fields[k++] = s;
		char *c = strchr(s, ':');
		if (!c)
			return k;
		*c = 0;
		s = c + 1;
	}
}

/* Parses a decimal id; see pwd_impl.h. */
int __db_id(const char *s, long *out)
{
	long v = 0;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		v = v * 10 + (*s - '0');
		if (v > 2147483647L)
			return -1;
	}
	*out = v;
	return 0;
}

/* See pwd_impl.h. */
int __db_next(struct dbfile *f, int *open, const char *path, __db_parse_fn *parse, void *out,
              char *buf, size_t buflen, int *got)
{
	*got = 0;
	if (!*open) {
		int e = __db_open(f, path);
		if (e)
			return e == ENOENT ? 0 : e;
		*open = 1;
	}
	for (;;) {
		size_t at = f->pos;
		int e;
		char *line = __db_line(f, &e);
		if (!line)
			return e;
		/* parse a copy: the raw line stays for a retry after ERANGE */
		size_t n = strlen(line);
		char *dup = malloc(n + 1);
		if (!dup)
			return ENOMEM;
		memcpy(dup, line, n + 1);
		int r = parse(dup, out, buf, buflen);
		free(dup);
		if (r < 0)
			continue;
		if (r == ERANGE) {
			/* the line is still in the buffer: put its newline back, read it again */
			if (line + n < f->buf + f->len)
				line[n] = '\n';
			f->pos = at;
		}
		*got = r == 0;
		return r;
	}
}
