/*
 * util.c - small helpers: locale independent character classes, names,
 * quoting for re-entry, integer parsing, file descriptor utilities and
 * unbuffered output for builtins.
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ASCII character classes (the C locale, whatever the host locale). */
int c_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int c_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

int c_isalnum(int c)
{
	return c_isalpha(c) || c_isdigit(c);
}

int c_isblank(int c)
{
	return c == ' ' || c == '\t';
}

int c_iscntrl(int c)
{
	return (c >= 0 && c < 32) || c == 127;
}

int c_isgraph(int c)
{
	return c > 32 && c < 127;
}

int c_islower(int c)
{
	return c >= 'a' && c <= 'z';
}

int c_isupper(int c)
{
	return c >= 'A' && c <= 'Z';
}

int c_isprint(int c)
{
	return c >= 32 && c < 127;
}

int c_ispunct(int c)
{
	return c_isgraph(c) && !c_isalnum(c);
}

int c_isspace(int c)
{
	return c == ' ' || (c >= 9 && c <= 13);
}

int c_isxdigit(int c)
{
	return c_isdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int c_toupper(int c)
{
	return c_islower(c) ? c - 32 : c;
}

int c_tolower(int c)
{
	return c_isupper(c) ? c + 32 : c;
}

/* Can c start a variable name? */
int is_name_start(int c)
{
	return c_isalpha(c) || c == '_';
}

/* Can c continue a variable name? */
int is_name_char(int c)
{
	return c_isalnum(c) || c == '_';
}

/* Is s a valid identifier? */
int is_valid_name(const char *s)
{
	if (!is_name_start((unsigned char)*s))
		return 0;
	while (*++s)
		if (!is_name_char((unsigned char)*s))
			return 0;
	return 1;
}

/* Is s a non-empty string of decimal digits? */
int is_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!c_isdigit((unsigned char)*s))
			return 0;
	return 1;
}

/* Parse a decimal integer with optional sign; 0 on success. */
int parse_int(const char *s, long *out)
{
	if (!*s)
		return -1;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*end || errno)
		return -1;
	*out = v;
	return 0;
}

/* Does c need quoting for re-entry (mksh's sh_quote class or space)? */
static int needs_quote(int c)
{
	return c == ' ' || (c && strchr("\t\n\"#$&'()*;<=>?[\\]`{|}~", c));
}

/* Append s quoted so the shell reads it back as the same word. */
void str_quote_sb(struct sbuf *b, const char *s)
{
	if (!*s) {
		sb_adds(b, "''");
		return;
	}
	int ctl = 0, need = 0;
	for (const char *p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0 && !Flag(O_ASIS)))
			ctl = 1;
		if (needs_quote(c))
			need = 1;
	}
	if (ctl) {
		sb_adds(b, "$'");
		for (const char *p = s; *p; p++) {
			unsigned char c = (unsigned char)*p;
			switch (c) {
			case '\t':
				sb_adds(b, "\\t");
				break;
			case '\n':
				sb_adds(b, "\\n");
				break;
			case '\r':
				sb_adds(b, "\\r");
				break;
			case '\a':
				sb_adds(b, "\\a");
				break;
			case '\b':
				sb_adds(b, "\\b");
				break;
			case '\f':
				sb_adds(b, "\\f");
				break;
			case '\v':
				sb_adds(b, "\\v");
				break;
			case 27:
				sb_adds(b, "\\E");
				break;
			case '\'':
				sb_adds(b, "\\047");
				break;
			case '\\':
				sb_adds(b, "\\\\");
				break;
			default:
				if (c < 32 || c == 127 || (c >= 0x80 && c < 0xa0 && !Flag(O_ASIS)))
					sb_printf(b, "\\%03o", c);
				else
					sb_addc(b, c);
			}
		}
		sb_addc(b, '\'');
		return;
	}
	if (!need) {
		sb_adds(b, s);
		return;
	}
	const char *p = s;
	for (;;) {
		const char *q = strchr(p, '\'');
		size_t n = q ? (size_t)(q - p) : strlen(p);
		if (n) {
			sb_addc(b, '\'');
			sb_addn(b, p, n);
			sb_addc(b, '\'');
		}
		if (!q)
			break;
		sb_adds(b, "\\'");
		p = q + 1;
	}
}

/* s quoted for re-entry (malloc). */
char *str_quote(const char *s)
{
	struct sbuf b;
	sb_init(&b);
	str_quote_sb(&b, s);
	return sb_take(&b);
}

/* write() all n bytes, retrying on EINTR; -1 on error. */
ssize_t write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t left = n;
	while (left) {
		ssize_t w = write(fd, p, left);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		left -= (size_t)w;
	}
	return (ssize_t)n;
}

/* Set or clear FD_CLOEXEC; -1 on error. */
int fd_cloexec(int fd, int on)
{
	int f = fcntl(fd, F_GETFD);
	if (f < 0)
		return -1;
	f = on ? (f | FD_CLOEXEC) : (f & ~FD_CLOEXEC);
	return fcntl(fd, F_SETFD, f);
}

/* Duplicate fd to a descriptor >= 10 with FD_CLOEXEC; -1 on error. */
int fd_dup_high(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, 10);
}

/* Move fd to >= 10 (FD_CLOEXEC) and close the original; -1 on error. */
int fd_move_high(int fd)
{
	if (fd >= 10) {
		fd_cloexec(fd, 1);
		return fd;
	}
	int n = fd_dup_high(fd);
	close(fd);
	return n;
}

/* Write a string to fd (errors ignored). */
void out_str(int fd, const char *s)
{
	out_n(fd, s, strlen(s));
}

static struct sbuf *capture;

/* Divert output for fd 1 into b (NULL: stop); returns the previous target. */
struct sbuf *out_capture_set(struct sbuf *b)
{
	struct sbuf *o = capture;
	capture = b;
	return o;
}

/* Write n bytes to fd (errors ignored). */
void out_n(int fd, const char *s, size_t n)
{
	(void)out_n_checked(fd, s, n);
}

/* Write n bytes to fd; -1 on error (recorded in out_error). */
int out_n_checked(int fd, const char *s, size_t n)
{
	if (fd == 1 && capture) {
		sb_addn(capture, s, n);
		return 0;
	}
	if (n && write_all(fd, s, n) < 0) {
		out_error = errno;
		return -1;
	}
	return 0;
}

/*
 * Canonical absolute path of an existing file: symbolic links resolved,
 * no "." or ".." (malloc), or NULL with errno set. Portable replacement
 * for realpath(), which strict POSIX.1-2008 headers of glibc do not declare.
 */
char *canon_path(const char *path)
{
	struct sbuf todo, done;
	sb_init(&todo);
	sb_init(&done);
	if (path[0] != '/') {
		size_t sz = 256;
		char *cwd = NULL;
		for (;;) {
			cwd = xrealloc(cwd, sz);
			if (getcwd(cwd, sz))
				break;
			if (errno != ERANGE) {
				free(cwd);
				return NULL;
			}
			sz *= 2;
		}
		sb_adds(&todo, cwd);
		sb_addc(&todo, '/');
		free(cwd);
	}
	sb_adds(&todo, path);
	int links = 0;
	size_t i = 0;
	while (i < todo.len) {
		while (i < todo.len && todo.s[i] == '/')
			i++;
		size_t st = i;
		while (i < todo.len && todo.s[i] != '/')
			i++;
		size_t l = i - st;
		if (!l || (l == 1 && todo.s[st] == '.'))
			continue;
		if (l == 2 && todo.s[st] == '.' && todo.s[st + 1] == '.') {
			while (done.len && done.s[done.len - 1] != '/')
				done.len--;
			if (done.len)
				done.len--;
			continue;
		}
		size_t before = done.len;
		sb_addc(&done, '/');
		sb_addn(&done, todo.s + st, l);
		struct stat stt;
		if (lstat(done.s, &stt) < 0) {
			sb_free(&todo);
			sb_free(&done);
			return NULL;
		}
		if (S_ISLNK(stt.st_mode)) {
			if (++links > 40) {
				errno = ELOOP;
				sb_free(&todo);
				sb_free(&done);
				return NULL;
			}
			char lb[4096];
			ssize_t n = readlink(done.s, lb, sizeof lb - 1);
			if (n < 0) {
				sb_free(&todo);
				sb_free(&done);
				return NULL;
			}
			lb[n] = 0;
			struct sbuf nt;
			sb_init(&nt);
			sb_adds(&nt, lb);
			sb_addn(&nt, todo.s + i, todo.len - i);
			sb_free(&todo);
			todo = nt;
			i = 0;
			done.len = lb[0] == '/' ? 0 : before;
			if (done.s)
				done.s[done.len] = 0;
			continue;
		}
	}
	if (!done.len)
		sb_addc(&done, '/');
	sb_free(&todo);
	return sb_take(&done);
}

/* Canonical absolute path of an existing file (arena), NULL with errno. */
char *resolve_path(const char *path)
{
	char *r = canon_path(path);
	if (!r)
		return NULL;
	char *s = ststrdup(r);
	free(r);
	return s;
}

/* printf to fd. */
void out_fmt(int fd, const char *fmt, ...)
{
	struct sbuf b;
	sb_init(&b);
	va_list ap;
	va_start(ap, fmt);
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		char *s = xmalloc((size_t)n + 1);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		out_n(fd, s, (size_t)n);
		free(s);
	}
	va_end(ap);
	sb_free(&b);
}

/* Output is unbuffered; kept as the single place to add buffering later. */
void flush_out(void)
{
}

/* ------------------------------------------------------------------ stv */

/* An empty arena vector. */
void stv_init(struct stv *v)
{
	v->v = NULL;
	v->n = v->cap = 0;
}

/* Append s, keeping the vector NULL-terminated (arena memory). */
void stv_push(struct stv *v, char *s)
{
	if (v->n + 2 > v->cap) {
		size_t nc = v->cap ? v->cap * 2 : 8;
		char **nv = stalloc(nc * sizeof *nv);
		if (v->n)
			memcpy(nv, v->v, v->n * sizeof *nv);
		v->v = nv;
		v->cap = nc;
	}
	v->v[v->n++] = s;
	v->v[v->n] = NULL;
}

/*
 * Print n entries in columns (top to bottom, then left to right) sized for
 * $COLUMNS (80 by default), like mksh's print_columns; prefcol: prefer
 * fewer columns (select, kill -l).
 */
void print_columns(int fd, char **v, size_t n, int prefcol)
{
	if (!n)
		return;
	size_t maxw = 0;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(v[i]);
		if (l > maxw)
			maxw = l;
	}
	const char *cs = var_getstr("COLUMNS");
	long xcols = cs ? atol(cs) : 80;
	if (xcols < 12)
		xcols = 80;
	struct sbuf b;
	sb_init(&b);
	size_t cols = (size_t)(xcols + 1) / (maxw + 2);
	if (cols < 2) {
		for (size_t i = 0; i < n; i++) {
			sb_adds(&b, v[i]);
			sb_addc(&b, '\n');
		}
	} else {
		size_t rows = (n + cols - 1) / cols;
		if (prefcol && cols > rows) {
			cols = rows;
			rows = (n + cols - 1) / cols;
		}
		long nspace = ((long)xcols - (long)(maxw * cols)) / (long)cols;
		if (nspace < 2)
			nspace = 2;
		for (size_t r = 0; r < rows; r++) {
			for (size_t c = 0; c < cols; c++) {
				size_t i = c * rows + r;
				if (i >= n)
					break;
				if (i + rows >= n)
					sb_adds(&b, v[i]);
				else
					sb_printf(&b, "%-*s%*s", (int)maxw, v[i], (int)nspace, "");
			}
			sb_addc(&b, '\n');
		}
	}
	out_n(fd, b.s, b.len);
	sb_free(&b);
}
