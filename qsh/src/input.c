/*
 * input.c - the stack of input sources the lexer reads characters from:
 * strings (eval, -c), script files, standard input (never read ahead),
 * the interactive line editor, alias expansions and pushed back text.
 */
#include "qsh.h"
#include "lex.h"
#include "shell.h"
#include "lexint.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct source *src_top;

/* Recorders capture the raw characters the lexer reads (for messages). */
static struct xstr *recs[16];
static int nrec;

/* Start capturing characters into x (nested captures allowed). */
void src_record_push(struct xstr *x)
{
	if (nrec < 16)
		recs[nrec] = x;
	nrec++;
}

/* Stop the innermost capture. */
void src_record_pop(void)
{
	if (nrec > 0)
		nrec--;
}

/* Forget all captures (after errors). */
void src_record_reset(void)
{
	nrec = 0;
}

static struct source *src_new(int type)
{
	struct source *s = xcalloc(1, sizeof *s);
	s->type = type;
	s->fd = -1;
	s->prev = src_top;
	src_top = s;
	sh.src_depth++;
	return s;
}

/* Push a string source; the text is copied. name may be NULL (eval). */
void src_push_string(const char *str, size_t len, const char *name, int line)
{
	struct source *s = src_new(S_STRING);
	s->buf = xstrndup(str, len);
	s->owned = 1;
	s->len = len;
	s->name = name ? xstrdup(name) : NULL;
	s->line = line > 0 ? line : 1;
}

/* Push a file source reading from fd (S_FILE, S_STDIN or S_TTY). */
void src_push_file(int fd, const char *name, int type)
{
	struct source *s = src_new(type);
	s->fd = fd;
	s->name = name ? xstrdup(name) : NULL;
	s->line = 1;
	s->first_line = 1;
	sb_init(&s->hist);
}

/* Push the text of an alias being expanded. */
void src_push_alias(struct alias *a)
{
	const char *v = alias_value(a);
	size_t n = strlen(v);
	struct source *s = src_new(S_ALIAS);
	s->buf = xstrndup(v, n);
	s->owned = 1;
	s->len = n;
	s->alias = a;
	s->alias_blank = n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t');
	alias_ref(a);
}

static void push_back(const char *str, size_t len, int counts);

/* Push back text to be read again (counts: its newlines are base lines). */
void src_push_back(const char *str, size_t len, int counts)
{
	for (int i = 0; i < nrec && i < 16; i++)
		recs[i]->len = recs[i]->len > len ? recs[i]->len - len : 0;
	push_back(str, len, counts);
}

static void push_back(const char *str, size_t len, int counts)
{
	struct source *s = src_new(S_BACK);
	s->buf = xstrndup(str, len);
	s->owned = 1;
	s->len = len;
	s->counts = counts;
	if (counts) {
		struct source *b = src_base();
		for (size_t i = 0; i < len; i++)
			if (str[i] == '\n' && b)
				b->line--;
	}
}

/* Pop the top source and free it. */
void src_pop(void)
{
	struct source *s = src_top;
	if (!s)
		return;
	src_top = s->prev;
	sh.src_depth--;
	if (s->owned)
		free(s->buf);
	free(s->rbuf);
	free(s->name);
	sb_free(&s->hist);
	if (s->alias)
		alias_unref(s->alias);
	free(s);
}

/* The innermost source that is not an alias or pushback (for line numbers). */
struct source *src_base(void)
{
	struct source *s = src_top;
	while (s && (s->type == S_ALIAS || s->type == S_BACK))
		s = s->prev;
	return s;
}

/* Current line number of the base source. */
int src_line(void)
{
	struct source *s = src_base();
	return s ? s->line : 0;
}

static void verbose_line(const char *s, size_t n)
{
	if (Flag(O_VERBOSE)) {
		out_n(2, s, n);
		flush_out();
	}
}

/* Read one line from a file descriptor source into s->buf (block reads). */
static int refill_file(struct source *s)
{
	struct sbuf b;
	sb_init(&b);
	for (;;) {
		if (s->rpos >= s->rlen) {
			if (!s->rbuf)
				s->rbuf = xmalloc(4096);
			ssize_t r = read(s->fd, s->rbuf, 4096);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0)
				break;
			s->rpos = 0;
			s->rlen = (size_t)r;
		}
		char *nl = memchr(s->rbuf + s->rpos, '\n', s->rlen - s->rpos);
		size_t take = nl ? (size_t)(nl - (s->rbuf + s->rpos)) + 1 : s->rlen - s->rpos;
		sb_addn(&b, s->rbuf + s->rpos, take);
		s->rpos += take;
		if (nl)
			break;
	}
	if (!b.len) {
		sb_free(&b);
		return 0;
	}
	if (s->owned)
		free(s->buf);
	s->len = b.len;
	s->buf = sb_take(&b);
	s->owned = 1;
	s->pos = 0;
	return 1;
}

/* Read one line from standard input without reading past the newline. */
static int refill_stdin(struct source *s)
{
	struct sbuf b;
	sb_init(&b);
	for (;;) {
		char c;
		ssize_t r = read(s->fd, &c, 1);
		if (r < 0 && errno == EINTR) {
			run_pending_traps();
			continue;
		}
		if (r <= 0)
			break;
		sb_addc(&b, c);
		if (c == '\n')
			break;
	}
	if (!b.len) {
		sb_free(&b);
		return 0;
	}
	if (s->owned)
		free(s->buf);
	s->len = b.len;
	s->buf = sb_take(&b);
	s->owned = 1;
	s->pos = 0;
	return 1;
}

/* Read a line interactively (prompting with PS1 or PS2). */
static int refill_tty(struct source *s)
{
	char *line = interactive_read(s->first_line);
	s->first_line = 0;
	if (!line)
		return 0;
	if (s->owned)
		free(s->buf);
	s->buf = line;
	s->owned = 1;
	s->len = strlen(line);
	s->pos = 0;
	sb_adds(&s->hist, line);
	return 1;
}

/* Get more text for the top source; 0 at its end. */
static int refill(struct source *s)
{
	if (s->eof)
		return 0;
	int ok;
	switch (s->type) {
	case S_FILE:
		ok = refill_file(s);
		break;
	case S_STDIN:
		ok = refill_stdin(s);
		break;
	case S_TTY:
		ok = refill_tty(s);
		break;
	default:
		ok = 0;
	}
	if (!ok) {
		s->eof = 1;
		/* like mksh, a last line without a newline still counts as a line */
		if (s->len && s->buf[s->len - 1] != '\n')
			s->line++;
		return 0;
	}
	if (s->type != S_TTY)
		verbose_line(s->buf, s->len);
	return 1;
}

/* Next input character or -1 at the end of the current base source. */
int lgetc(void)
{
	for (;;) {
		struct source *s = src_top;
		if (!s)
			return -1;
		if (s->pos < s->len) {
			int c = (unsigned char)s->buf[s->pos++];
			if (c == 0)
				continue; /* NUL bytes cannot be represented: dropped */
			for (int i = 0; i < nrec && i < 16; i++)
				xs_addc(recs[i], c);
			if (c == '\n') {
				if (s->type == S_BACK) {
					if (s->counts) {
						struct source *b = src_base();
						if (b)
							b->line++;
					}
				} else if (s->type != S_ALIAS) {
					s->line++;
				}
			}
			return c;
		}
		if (s->type == S_ALIAS || s->type == S_BACK) {
			int blank = s->type == S_ALIAS && s->alias_blank;
			if (s->type == S_ALIAS)
				lex_alias_ended(s->alias);
			src_pop();
			if (blank)
				lex_alias_blank();
			continue;
		}
		if (s->type == S_STRING)
			return -1;
		if (!refill(s))
			return -1;
	}
}

/* Push back the last character read (c == -1 is ignored). */
void lungetc(int c)
{
	if (c < 0)
		return;
	for (int i = 0; i < nrec && i < 16; i++)
		if (recs[i]->len)
			recs[i]->len--;
	struct source *s = src_top;
	if (s && s->pos > 0 && (unsigned char)s->buf[s->pos - 1] == (unsigned char)c) {
		s->pos--;
		if (c == '\n') {
			if (s->type == S_BACK) {
				if (s->counts) {
					struct source *b = src_base();
					if (b)
						b->line--;
				}
			} else if (s->type != S_ALIAS) {
				s->line--;
			}
		}
		return;
	}
	char ch = (char)c;
	push_back(&ch, 1, c == '\n');
}

/* The innermost terminal source (or NULL). */
static struct source *tty_source(void)
{
	for (struct source *s = src_top; s; s = s->prev)
		if (s->type == S_TTY)
			return s;
	return NULL;
}

/* After an error at the prompt: drop the rest of the input line. */
void src_top_reset_line(void)
{
	struct source *s = tty_source();
	if (s) {
		s->pos = s->len;
		sb_reset(&s->hist);
	}
}

/* Before reading a new command: the next prompt is PS1. */
void src_tty_new_command(void)
{
	struct source *s = tty_source();
	if (s && s->pos >= s->len) {
		s->first_line = 1;
		sb_reset(&s->hist);
	}
}

/* Allow reading again after EOF (ignoreeof, stopped jobs). */
void src_clear_eof(void)
{
	struct source *s = tty_source();
	if (s)
		s->eof = 0;
}
