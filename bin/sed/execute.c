/*
 * execute.c - running a compiled sed script over the input.
 */
#include "qu.h"
#include "sed.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A growable byte buffer (pattern space, hold space). */
struct buf {
	char *s;
	size_t len, cap;
};

static struct buf ps, hs;
static int ps_nl = 1; /* the current line had a newline */
static regex_t *last_re;
static int quit_code = -1;

/* Output queued for the end of the cycle (a text and r files). */
struct queued {
	int is_file;
	char *s;
	size_t len;
};
static struct queued *queue;
static size_t nqueue, capqueue;

/* Makes b hold at least n + 1 bytes. */
static void reserve(struct buf *b, size_t n)
{
	if (n + 1 > b->cap) {
		b->cap = (n + 1) * 2;
		b->s = qu_realloc(b->s, b->cap);
	}
}

/* Sets b to s[0..n). */
static void set(struct buf *b, const char *s, size_t n)
{
	reserve(b, n);
	memmove(b->s, s, n);
	b->len = n;
	b->s[n] = 0;
}

/* Appends s[0..n) to b. */
static void append(struct buf *b, const char *s, size_t n)
{
	reserve(b, b->len + n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

/* Returns the regex to use for r (the last one used if r is empty). */
static regex_t *use_re(struct sre *r)
{
	if (!r->empty)
		last_re = &r->re;
	if (!last_re)
		qu_die(1, "no previous regular expression");
	return last_re;
}

/* Returns 1 if the pattern space matches r. */
static int re_match(struct sre *r)
{
	return regexec(use_re(r), ps.s, 0, NULL, 0) == 0;
}

/* Returns 1 if address a selects the current line. */
static int addr_match(struct addr *a)
{
	unsigned long ln = input_lineno();

	switch (a->type) {
	case A_LINE:
		return ln == a->n;
	case A_LAST:
		return input_is_last();
	case A_RE:
		return re_match(a->re);
	case A_STEP:
		if (a->step == 0)
			return ln == a->n;
		return ln >= a->n && (ln - a->n) % a->step == 0;
	case A_ZERO:
		return 0;
	default:
		return 1;
	}
}

/* Returns 1 if command c applies to the current line (and updates range state). */
static int selected(struct cmd *c)
{
	unsigned long ln = input_lineno();
	int r;

	if (c->a1.type == A_NONE)
		r = 1;
	else if (c->a2.type == A_NONE)
		r = addr_match(&c->a1);
	else if (c->active) {
		r = 1;
		switch (c->a2.type) {
		case A_LINE:
			if (ln >= c->a2.n)
				c->active = 0;
			break;
		case A_PLUS:
			if (ln >= c->end_line)
				c->active = 0;
			break;
		case A_STEP:
			if (c->a2.n == 0 || ln % c->a2.n == 0)
				c->active = 0;
			break;
		case A_LAST:
			if (input_is_last())
				c->active = 0;
			break;
		default:
			if (addr_match(&c->a2))
				c->active = 0;
			break;
		}
	} else if (c->a1.type == A_ZERO ? ln == 1 : addr_match(&c->a1)) {
		r = 1;
		c->active = 1;
		if (c->a1.type == A_ZERO) {
			/* 0,/re/: the regex may end the range on the first line */
			if (addr_match(&c->a2))
				c->active = 0;
			else
				r = 1;
		} else {
			switch (c->a2.type) {
			case A_LINE:
				if (c->a2.n <= ln)
					c->active = 0;
				break;
			case A_PLUS:
				c->end_line = ln + c->a2.n;
				if (c->a2.n == 0)
					c->active = 0;
				break;
			case A_STEP:
				if (c->a2.n == 0 || ln % c->a2.n == 0)
					c->active = 0;
				break;
			case A_LAST:
				if (input_is_last())
					c->active = 0;
				break;
			default:
				break;
			}
		}
	} else {
		r = 0;
	}
	return c->neg ? !r : r;
}

/* Queues text (or a file to copy) for the end of the cycle. */
static void enqueue(int is_file, const char *s, size_t len)
{
	if (nqueue == capqueue) {
		capqueue = capqueue ? capqueue * 2 : 8;
		queue = qu_realloc(queue, capqueue * sizeof(*queue));
	}
	queue[nqueue].is_file = is_file;
	queue[nqueue].s = qu_malloc(len + 1);
	memcpy(queue[nqueue].s, s, len);
	queue[nqueue].s[len] = 0;
	queue[nqueue].len = len;
	nqueue++;
}

/* Writes out and clears the queue. */
static void flush_queue(void)
{
	FILE *out = output_file();
	size_t i;

	for (i = 0; i < nqueue; i++) {
		if (queue[i].is_file) {
			struct buf data = {NULL, 0, 0};
			char chunk[8192];
			size_t n;
			FILE *f = fopen(queue[i].s, "r");
			if (f) {
				while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
					append(&data, chunk, n);
				fclose(f);
			}
			if (data.len && data.s[data.len - 1] == '\n')
				out_line(out, data.s, data.len - 1, 1);
			else if (data.len)
				out_line(out, data.s, data.len, 0);
			free(data.s);
		} else {
			out_line(out, queue[i].s, queue[i].len, 1);
		}
		free(queue[i].s);
	}
	nqueue = 0;
}

/* The l command: the pattern space unambiguously, wrapped at width. */
static void list(int width)
{
	FILE *out = output_file();
	int col = 0;
	size_t i;

	if (width <= 0)
		width = 70;
	for (i = 0; i < ps.len; i++) {
		unsigned char c = (unsigned char)ps.s[i];
		char tmp[8];
		const char *e = NULL;
		switch (c) {
		case '\\':
			e = "\\\\";
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
		case '\n':
			e = "\\n";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\t':
			e = "\\t";
			break;
		case '\v':
			e = "\\v";
			break;
		}
		if (!e) {
			if (c < 32 || c >= 127) {
				snprintf(tmp, sizeof(tmp), "\\%03o", c);
			} else {
				tmp[0] = (char)c;
				tmp[1] = 0;
			}
			e = tmp;
		}
		if (width > 1 && col + (int)strlen(e) > width - 1) {
			fputs("\\\n", out);
			col = 0;
		}
		fputs(e, out);
		col += (int)strlen(e);
	}
	fputs("$\n", out);
}

/* Appends the replacement of c for match m (in subject s) to b. */
static void replace(struct buf *b, const struct cmd *c, const char *s, regmatch_t *m)
{
	size_t i;

	for (i = 0; i < c->repllen; i++) {
		char ch = c->repl[i];
		if (ch == '&') {
			append(b, s + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
		} else if (ch == '\\' && i + 1 < c->repllen) {
			char n = c->repl[++i];
			if (n >= '0' && n <= '9') {
				int k = n - '0';
				if (m[k].rm_so >= 0)
					append(b, s + m[k].rm_so,
					       (size_t)(m[k].rm_eo - m[k].rm_so));
			} else if (n == 'n') {
				append(b, "\n", 1);
			} else if (n == 't') {
				append(b, "\t", 1);
			} else {
				append(b, &n, 1);
			}
		} else {
			append(b, &ch, 1);
		}
	}
}

/* The s command; returns 1 if a substitution was made. */
static int substitute(struct cmd *c)
{
	regex_t *re = use_re(c->re);
	regmatch_t m[10];
	struct buf out = {NULL, 0, 0};
	size_t off = 0, prev_end = (size_t)-1;
	unsigned long count = 0;
	int did = 0, k;

	reserve(&out, ps.len);
	out.s[0] = 0;
	while (off <= ps.len) {
#ifdef REG_STARTEND
		/* the common extension: match in [off, len) without rescanning the
		 * rest of the line (and across NUL bytes) at each step */
		m[0].rm_so = (regoff_t)off;
		m[0].rm_eo = (regoff_t)ps.len;
		if (regexec(re, ps.s, 10, m, REG_STARTEND | (off > 0 ? REG_NOTBOL : 0)) != 0)
			break;
		(void)k;
#else
		if (regexec(re, ps.s + off, 10, m, off > 0 ? REG_NOTBOL : 0) != 0)
			break;
		for (k = 0; k < 10; k++) {
			if (m[k].rm_so >= 0) {
				m[k].rm_so += (regoff_t)off;
				m[k].rm_eo += (regoff_t)off;
			}
		}
#endif
		if (m[0].rm_so == m[0].rm_eo && (size_t)m[0].rm_so == prev_end) {
			/* no empty match right after the previous match */
			append(&out, ps.s + off, (size_t)m[0].rm_so - off);
			if ((size_t)m[0].rm_eo < ps.len)
				append(&out, ps.s + m[0].rm_eo, 1);
			off = (size_t)m[0].rm_eo + 1;
			continue;
		}
		prev_end = (size_t)m[0].rm_eo;
		count++;
		append(&out, ps.s + off, (size_t)m[0].rm_so - off);
		if (count >= (c->nth ? c->nth : 1) &&
		    (c->global || count == (c->nth ? c->nth : 1))) {
			replace(&out, c, ps.s, m);
			did = 1;
		} else {
			append(&out, ps.s + m[0].rm_so, (size_t)(m[0].rm_eo - m[0].rm_so));
		}
		if (m[0].rm_eo == m[0].rm_so) {
			/* empty match: copy one character and move on */
			if ((size_t)m[0].rm_eo < ps.len)
				append(&out, ps.s + m[0].rm_eo, 1);
			off = (size_t)m[0].rm_eo + 1;
		} else {
			off = (size_t)m[0].rm_eo;
		}
		if (!c->global && did)
			break;
	}
	if (!did) {
		free(out.s);
		return 0;
	}
	if (off < ps.len)
		append(&out, ps.s + off, ps.len - off);
	free(ps.s);
	ps = out;
	if (c->print)
		out_line(output_file(), ps.s, ps.len, ps_nl);
	if (c->wf) {
		out_line(c->wf->f, ps.s, ps.len, 1);
		fflush(c->wf->f);
	}
	return 1;
}

/* Reads the next line into the pattern space (or appends with N).
 * Returns 0 at the end of the input. */
static int read_pattern(int append_mode)
{
	char *line;
	size_t len;
	int nl;

	if (!input_next(&line, &len, &nl))
		return 0;
	if (append_mode) {
		append(&ps, "\n", 1);
		append(&ps, line, len);
	} else {
		set(&ps, line, len);
	}
	ps_nl = nl;
	return 1;
}

/* End of cycle: autoprint and queued output. */
static void end_cycle(void)
{
	if (!opt_n)
		out_line(output_file(), ps.s, ps.len, ps_nl);
	flush_queue();
}

/* See sed.h. */
int execute(void)
{
	size_t i;
	int tflag;

	set(&ps, "", 0);
	set(&hs, "", 0);
	while (read_pattern(0)) {
		tflag = 0;
	restart:
		for (i = 0; i < prog.n; i++) {
			struct cmd *c = &prog.v[i];
			if (c->c == ':' || c->c == '}')
				continue;
			if (!selected(c)) {
				if (c->c == '{')
					i = (size_t)c->jump - 1;
				continue;
			}
			switch (c->c) {
			case '{':
				break;
			case '=':
				fprintf(output_file(), "%lu\n", input_lineno());
				break;
			case 'a':
				enqueue(0, c->text, c->textlen);
				break;
			case 'i':
				out_line(output_file(), c->text, c->textlen, 1);
				break;
			case 'c':
				/* with a range, the text is printed at its end */
				if (c->a2.type == A_NONE || !c->active || c->neg)
					out_line(output_file(), c->text, c->textlen, 1);
				goto delete;
			case 'b':
				i = (size_t)c->jump - 1;
				break;
			case 't':
				if (tflag) {
					tflag = 0;
					i = (size_t)c->jump - 1;
				}
				break;
			case 'T':
				if (!tflag)
					i = (size_t)c->jump - 1;
				else
					tflag = 0;
				break;
			case 'd':
				delete : flush_queue();
				goto next_cycle;
			case 'D': {
				char *nl = memchr(ps.s, '\n', ps.len);
				if (!nl)
					goto delete;
				set(&ps, nl + 1, ps.len - (size_t)(nl + 1 - ps.s));
				flush_queue();
				tflag = 0;
				goto restart;
			}
			case 'g':
				set(&ps, hs.s, hs.len);
				break;
			case 'G':
				append(&ps, "\n", 1);
				append(&ps, hs.s, hs.len);
				break;
			case 'h':
				set(&hs, ps.s, ps.len);
				break;
			case 'H':
				append(&hs, "\n", 1);
				append(&hs, ps.s, ps.len);
				break;
			case 'x': {
				struct buf t = ps;
				ps = hs;
				hs = t;
				break;
			}
			case 'l':
				list(c->lwidth);
				break;
			case 'n':
				if (input_is_last()) {
					/* no next line: GNU sed prints and quits */
					end_cycle();
					return quit_code < 0 ? 0 : quit_code;
				}
				if (!opt_n)
					out_line(output_file(), ps.s, ps.len, ps_nl);
				flush_queue();
				read_pattern(0);
				break;
			case 'N':
				if (input_is_last()) {
					end_cycle();
					return 0;
				}
				flush_queue();
				read_pattern(1);
				break;
			case 'p':
				out_line(output_file(), ps.s, ps.len, 1);
				break;
			case 'P': {
				char *nl = memchr(ps.s, '\n', ps.len);
				out_line(output_file(), ps.s, nl ? (size_t)(nl - ps.s) : ps.len, 1);
				break;
			}
			case 'q':
				end_cycle();
				return c->qcode;
			case 'Q':
				return c->qcode;
			case 'r':
				enqueue(1, c->text, strlen(c->text));
				break;
			case 's':
				if (substitute(c))
					tflag = 1;
				break;
			case 'w':
				out_line(c->wf->f, ps.s, ps.len, 1);
				fflush(c->wf->f);
				break;
			case 'y': {
				size_t k;
				for (k = 0; k < ps.len; k++)
					ps.s[k] = (char)c->ymap[(unsigned char)ps.s[k]];
				break;
			}
			case 'z':
				set(&ps, "", 0);
				break;
			}
		}
		end_cycle();
	next_cycle:;
	}
	return 0;
}
