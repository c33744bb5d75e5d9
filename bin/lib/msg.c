/*
 * msg.c - program name, error messages, allocation that cannot fail quietly,
 * and coreutils-style quoting of file names in messages.
 */
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char *qu_prog = "?";

/* Records the program name (basename of argv0) and arranges for stdout to be
 * checked for write errors at exit. */
void qu_init(const char *argv0)
{
	const char *s;

	if (argv0 && *argv0) {
		s = strrchr(argv0, '/');
		qu_prog = s ? s + 1 : argv0;
	}
	atexit(qu_check_stdout);
}

/* Prints "prog: " and the formatted message (no newline). */
static void vmsg(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", qu_prog);
	vfprintf(stderr, fmt, ap);
}

/* Prints "prog: message\n" on stderr. */
void qu_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Prints "prog: message: strerror(e)\n" on stderr. */
void qu_errno(int e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
}

/* Prints "prog: message\n" and exits with status. */
void qu_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

/* Prints "prog: message: strerror(e)\n" and exits with status. */
void qu_die_errno(int status, int e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap);
	va_end(ap);
	fprintf(stderr, ": %s\n", strerror(e));
	exit(status);
}

/* malloc that exits with a message when memory is exhausted. */
void *qu_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		qu_die_errno(2, ENOMEM, "memory exhausted");
	return p;
}

/* realloc that exits with a message when memory is exhausted. */
void *qu_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		qu_die_errno(2, ENOMEM, "memory exhausted");
	return p;
}

/* strdup that exits with a message when memory is exhausted. */
char *qu_strdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(qu_malloc(n), s, n);
}

/* A small ring of result buffers for the quoting functions. */
static char *ring[8];
static int ring_pos;

/* Returns a ring buffer of at least n bytes. */
static char *ring_buf(size_t n)
{
	ring_pos = (ring_pos + 1) % 8;
	ring[ring_pos] = qu_realloc(ring[ring_pos], n);
	return ring[ring_pos];
}

/* True if c may appear unquoted in a shell word. */
static int shell_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("%+,-./:@_^", c));
}

/* Quotes s for the shell: 'name', "name" if it holds a single quote, and
 * 'a'$'\n''b' style for control characters. */
const char *qu_quoteaf(const char *s)
{
	size_t n = strlen(s);
	const unsigned char *p;
	int ctl = 0, sq = 0, dqbad = 0;
	char *out, *o;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p < 32 || *p == 127)
			ctl = 1;
		else if (*p == '\'')
			sq = 1;
		else if (strchr("\"$`\\!", *p))
			dqbad = 1;
	}
	out = o = ring_buf(n * 8 + 3);
	if (!sq && !ctl) {
		sprintf(out, "'%s'", s);
		return out;
	}
	if (!ctl && !dqbad) {
		sprintf(out, "\"%s\"", s);
		return out;
	}
	*o++ = '\'';
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '\'') {
			o += sprintf(o, "'\\''");
		} else if (*p < 32 || *p == 127) {
			const char *e = NULL;
			switch (*p) {
			case '\n':
				e = "n";
				break;
			case '\t':
				e = "t";
				break;
			case '\r':
				e = "r";
				break;
			}
			if (e)
				o += sprintf(o, "'$'\\%s''", e);
			else
				o += sprintf(o, "'$'\\%03o''", *p);
		} else {
			*o++ = (char)*p;
		}
	}
	*o++ = '\'';
	*o = 0;
	return out;
}

/* Quotes s only if it contains characters special to the shell. */
const char *qu_quotef(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++)
		if (!shell_safe(*p))
			return qu_quoteaf(s);
	if (!*s)
		return "''";
	return s;
}

/* Quotes s as 'name' with backslash escapes for quotes, backslashes and
 * control characters (coreutils' quote() in the C locale). */
const char *qu_quote(const char *s)
{
	const unsigned char *p;
	char *out = ring_buf(strlen(s) * 4 + 3), *o = out;

	*o++ = '\'';
	for (p = (const unsigned char *)s; *p; p++) {
		const char *e = NULL;
		switch (*p) {
		case '\'':
			e = "\\'";
			break;
		case '\\':
			e = "\\\\";
			break;
		case '\n':
			e = "\\n";
			break;
		case '\t':
			e = "\\t";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\a':
			e = "\\a";
			break;
		case '\b':
			e = "\\b";
			break;
		case '\f':
			e = "\\f";
			break;
		case '\v':
			e = "\\v";
			break;
		}
		if (e)
			o += sprintf(o, "%s", e);
		else if (*p < 32 || *p == 127)
			o += sprintf(o, "\\%03o", *p);
		else
			*o++ = (char)*p;
	}
	*o++ = '\'';
	*o = 0;
	return out;
}
