/*
 * compile.c - parsing sed scripts into a command array.
 *
 * The -e and -f pieces are joined with newlines into one text; errors name
 * the piece ("-e expression #N, char M" or "file F line L") as GNU sed does.
 */
#include "qu.h"
#include "sed.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct script prog;

struct piece {
	size_t start;       /* offset in the joined text */
	const char *origin; /* NULL for -e */
	int num;
};

static char *text;
static size_t tlen, tcap, pos;
static struct piece *pieces;
static size_t npieces;
static struct wfile *wfiles;

/* See sed.h. */
void script_add(const char *s, const char *origin, int num)
{
	size_t n = strlen(s);

	if (tlen + n + 2 > tcap) {
		tcap = (tlen + n + 2) * 2;
		text = qu_realloc(text, tcap);
	}
	pieces = qu_realloc(pieces, sizeof(*pieces) * (npieces + 1));
	pieces[npieces].start = tlen;
	pieces[npieces].origin = origin;
	pieces[npieces].num = num;
	npieces++;
	memcpy(text + tlen, s, n);
	tlen += n;
	text[tlen++] = '\n';
	text[tlen] = 0;
}

/* Reports a compile error at the current position and exits with 1. */
static _Noreturn void bad(const char *msg)
{
	size_t i = npieces ? npieces - 1 : 0, off, line = 1, k;

	while (i > 0 && pieces[i].start > pos)
		i--;
	off = pos - (npieces ? pieces[i].start : 0);
	if (npieces && pieces[i].origin) {
		for (k = pieces[i].start; k < pos && k < tlen; k++)
			if (text[k] == '\n')
				line++;
		qu_die(1, "file %s line %zu: %s", pieces[i].origin, line, msg);
	}
	qu_die(1, "-e expression #%d, char %zu: %s", npieces ? pieces[i].num : 1, off, msg);
}

/* Skips blanks (not newlines). */
static void skip_ws(void)
{
	while (pos < tlen && (text[pos] == ' ' || text[pos] == '\t'))
		pos++;
}

/* Parses a decimal number. */
static unsigned long number(void)
{
	unsigned long v = 0;

	while (pos < tlen && text[pos] >= '0' && text[pos] <= '9')
		v = v * 10 + (unsigned long)(text[pos++] - '0');
	return v;
}

/* Reads text up to the unescaped delimiter d into a new string; regex
 * selects regex rules (\n becomes a newline, \d the delimiter, other
 * escapes kept). Returns NULL if the delimiter is missing. */
static char *delimited(char d, int regex, size_t *outlen)
{
	char *out = qu_malloc(tlen - pos + 1);
	size_t o = 0;
	int inbr = 0;

	while (pos < tlen) {
		char c = text[pos];
		if (regex && c == '[' && !inbr) {
			/* a bracket expression: copy it literally (but \n) */
			inbr = 1;
			out[o++] = c;
			pos++;
			if (pos < tlen && text[pos] == '^')
				out[o++] = text[pos++];
			if (pos < tlen && text[pos] == ']')
				out[o++] = text[pos++];
			continue;
		}
		if (inbr) {
			if (c == '[' && pos + 1 < tlen && strchr(":.=", text[pos + 1])) {
				char close = text[pos + 1];
				out[o++] = text[pos++];
				out[o++] = text[pos++];
				while (pos + 1 < tlen &&
				       !(text[pos] == close && text[pos + 1] == ']'))
					out[o++] = text[pos++];
				if (pos + 1 < tlen) {
					out[o++] = text[pos++];
					out[o++] = text[pos++];
				}
				continue;
			}
			if (c == ']')
				inbr = 0;
			if (c == '\\' && pos + 1 < tlen && text[pos + 1] == 'n') {
				out[o++] = '\n';
				pos += 2;
				continue;
			}
			if (c == '\n')
				break;
			out[o++] = c;
			pos++;
			continue;
		}
		if (c == d) {
			pos++;
			out[o] = 0;
			*outlen = o;
			return out;
		}
		if (c == '\n' && regex)
			break;
		if (c == '\\' && pos + 1 < tlen) {
			char n = text[pos + 1];
			pos += 2;
			if (n == d) {
				out[o++] = d;
			} else if (n == 'n' && regex) {
				out[o++] = '\n';
			} else if (n == 't' && regex) {
				out[o++] = '\t';
			} else if (n == '\n' && !regex) {
				out[o++] = '\\';
				out[o++] = '\n';
			} else {
				out[o++] = '\\';
				out[o++] = n;
			}
			continue;
		}
		out[o++] = c;
		pos++;
	}
	free(out);
	return NULL;
}

/* Compiles a regex string (the empty string means "the last regex"). */
static struct sre *compile_re(const char *s, int icase)
{
	struct sre *r = qu_malloc(sizeof(*r));
	char msg[256];
	int e;

	r->empty = !*s;
	if (r->empty)
		return r;
	e = regcomp(&r->re, s, (opt_E ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0));
	if (e) {
		regerror(e, &r->re, msg, sizeof(msg));
		bad(msg);
	}
	return r;
}

/* Parses one address; returns 0 if there is none. */
static int address(struct addr *a)
{
	char d, *re;
	size_t len;

	memset(a, 0, sizeof(*a));
	if (pos >= tlen)
		return 0;
	if (text[pos] >= '0' && text[pos] <= '9') {
		a->n = number();
		a->type = A_LINE;
		if (text[pos] == '~') {
			pos++;
			a->step = number();
			a->type = A_STEP;
		} else if (a->n == 0) {
			a->type = A_ZERO;
		}
		return 1;
	}
	if (text[pos] == '$') {
		pos++;
		a->type = A_LAST;
		return 1;
	}
	if (text[pos] == '/' || text[pos] == '\\') {
		int icase = 0;
		if (text[pos] == '\\')
			pos++;
		if (pos >= tlen || text[pos] == '\n' || text[pos] == '\\')
			bad("unexpected `,'");
		d = text[pos++];
		re = delimited(d, 1, &len);
		if (!re)
			bad("unterminated address regex");
		while (pos < tlen && (text[pos] == 'I' || text[pos] == 'M')) {
			icase |= text[pos] == 'I';
			pos++;
		}
		a->type = A_RE;
		a->re = compile_re(re, icase);
		free(re);
		return 1;
	}
	return 0;
}

/* Reads the text argument of a, i and c (both the POSIX "a\" form and the
 * one-line form). */
static void read_text(struct cmd *c)
{
	char *out;
	size_t o = 0;

	skip_ws();
	if (pos < tlen && text[pos] == '\\') {
		pos++;
		if (pos < tlen && text[pos] == '\n')
			pos++;
	} else {
		skip_ws();
	}
	out = qu_malloc(tlen - pos + 2);
	while (pos < tlen && text[pos] != '\n') {
		if (text[pos] == '\\' && pos + 1 < tlen) {
			pos++;
			out[o++] = text[pos++];
			continue;
		}
		out[o++] = text[pos++];
	}
	out[o] = 0;
	c->text = out;
	c->textlen = o;
}

/* Reads a file name or label to the end of the line (labels also end at ';'). */
static char *read_word(int label)
{
	size_t start, end;
	char *w;

	skip_ws();
	start = pos;
	while (pos < tlen && text[pos] != '\n' && !(label && text[pos] == ';'))
		pos++;
	end = pos;
	while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t'))
		end--;
	w = qu_malloc(end - start + 1);
	memcpy(w, text + start, end - start);
	w[end - start] = 0;
	return w;
}

/* Opens (once) a w file. */
static struct wfile *open_w(const char *name)
{
	struct wfile *w;

	for (w = wfiles; w; w = w->next)
		if (!strcmp(w->name, name))
			return w;
	w = qu_malloc(sizeof(*w));
	w->name = qu_strdup(name);
	if (!strcmp(name, "/dev/stdout"))
		w->f = stdout;
	else if (!strcmp(name, "/dev/stderr"))
		w->f = stderr;
	else if (!(w->f = fopen(name, "w")))
		qu_die_errno(4, errno, "couldn't open file %s", name);
	w->next = wfiles;
	wfiles = w;
	return w;
}

/* Parses the s command's replacement and flags. */
static void parse_s(struct cmd *c)
{
	char d, *re, *repl;
	size_t len;

	if (pos >= tlen || text[pos] == '\n' || text[pos] == '\\')
		bad("unterminated `s' command");
	d = text[pos++];
	re = delimited(d, 1, &len);
	if (!re)
		bad("unterminated `s' command");
	repl = delimited(d, 0, &c->repllen);
	if (!repl)
		bad("unterminated `s' command");
	c->repl = repl;
	for (;;) {
		if (pos >= tlen)
			break;
		if (text[pos] == 'g') {
			c->global = 1;
			pos++;
		} else if (text[pos] == 'p') {
			c->print = 1;
			pos++;
		} else if (text[pos] == 'I' || text[pos] == 'i') {
			c->icase = 1;
			pos++;
		} else if (text[pos] >= '1' && text[pos] <= '9') {
			if (c->nth)
				bad("multiple number options to `s' command");
			c->nth = number();
		} else if (text[pos] == '0') {
			bad("number option to `s' command may not be zero");
		} else if (text[pos] == 'w') {
			char *f;
			pos++;
			f = read_word(0);
			c->wf = open_w(f);
			free(f);
			break;
		} else {
			break;
		}
	}
	c->re = compile_re(re, c->icase);
	free(re);
	{
		/* check back-references against the number of groups */
		size_t i;
		for (i = 0; i + 1 < c->repllen; i++) {
			if (c->repl[i] == '\\') {
				char n = c->repl[i + 1];
				if (n >= '1' && n <= '9' && !c->re->empty &&
				    (size_t)(n - '0') > c->re->re.re_nsub)
					bad("invalid reference \\1 on `s' command's RHS");
				i++;
			}
		}
	}
}

/* Parses the y command. */
static void parse_y(struct cmd *c)
{
	char d, *a, *b;
	size_t la, lb, i, ia = 0, ib = 0;
	unsigned char src[4096], dst[4096];

	if (pos >= tlen || text[pos] == '\n' || text[pos] == '\\')
		bad("unterminated `y' command");
	d = text[pos++];
	a = delimited(d, 0, &la);
	b = a ? delimited(d, 0, &lb) : NULL;
	if (!a || !b)
		bad("unterminated `y' command");
	/* decode \\ \n and \delim (delimited kept other escapes) */
	for (i = 0; i < la && ia < sizeof(src); i++) {
		if (a[i] == '\\' && i + 1 < la) {
			i++;
			src[ia++] = a[i] == 'n' ? '\n' : a[i] == 't' ? '\t' : (unsigned char)a[i];
		} else {
			src[ia++] = (unsigned char)a[i];
		}
	}
	for (i = 0; i < lb && ib < sizeof(dst); i++) {
		if (b[i] == '\\' && i + 1 < lb) {
			i++;
			dst[ib++] = b[i] == 'n' ? '\n' : b[i] == 't' ? '\t' : (unsigned char)b[i];
		} else {
			dst[ib++] = (unsigned char)b[i];
		}
	}
	if (ia != ib)
		bad("strings for `y' command are different lengths");
	for (i = 0; i < 256; i++)
		c->ymap[i] = (unsigned char)i;
	for (i = 0; i < ia; i++)
		c->ymap[src[i]] = dst[i];
	free(a);
	free(b);
}

/* Appends a command and returns it. */
static struct cmd *new_cmd(void)
{
	if (prog.n == prog.cap) {
		prog.cap = prog.cap ? prog.cap * 2 : 32;
		prog.v = qu_realloc(prog.v, prog.cap * sizeof(*prog.v));
	}
	memset(&prog.v[prog.n], 0, sizeof(prog.v[0]));
	return &prog.v[prog.n++];
}

/* After a command: only blanks, then ';', newline, '}' or '#'. */
static void end_of_cmd(void)
{
	skip_ws();
	if (pos >= tlen)
		return;
	if (text[pos] == ';' || text[pos] == '\n') {
		pos++;
		return;
	}
	if (text[pos] == '}' || text[pos] == '#')
		return;
	bad("extra characters after command");
}

/* Resolves the labels of b, t and T commands. */
static void resolve_labels(void)
{
	size_t i, j;

	for (i = 0; i < prog.n; i++) {
		struct cmd *c = &prog.v[i];
		if (c->c != 'b' && c->c != 't' && c->c != 'T')
			continue;
		if (!c->text[0]) {
			c->jump = (int)prog.n;
			continue;
		}
		for (j = 0; j < prog.n; j++)
			if (prog.v[j].c == ':' && !strcmp(prog.v[j].text, c->text))
				break;
		if (j == prog.n) {
			char msg[300];
			snprintf(msg, sizeof(msg), "can't find label for jump to `%.200s'",
			         c->text);
			qu_die(4, "-e expression #1, char 0: %s", msg);
		}
		c->jump = (int)j;
	}
}

/* See sed.h. */
void script_compile(void)
{
	size_t *stack = NULL, depth = 0;

	if (tlen >= 2 && text[0] == '#' && text[1] == 'n' && (tlen == 2 || text[2] == '\n'))
		opt_n = 1;
	pos = 0;
	while (pos < tlen) {
		struct cmd *c;
		char ch;
		while (pos < tlen && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' ||
		                      text[pos] == ';'))
			pos++;
		if (pos >= tlen)
			break;
		if (text[pos] == '#') {
			while (pos < tlen && text[pos] != '\n')
				pos++;
			continue;
		}
		c = new_cmd();
		if (address(&c->a1)) {
			skip_ws();
			if (pos < tlen && text[pos] == ',') {
				pos++;
				skip_ws();
				if (pos < tlen && text[pos] == '+') {
					pos++;
					c->a2.type = A_PLUS;
					c->a2.n = number();
				} else if (pos < tlen && text[pos] == '~') {
					pos++;
					c->a2.type = A_STEP;
					c->a2.n = number();
				} else if (!address(&c->a2)) {
					bad("unexpected `,'");
				}
			}
			if (c->a1.type == A_ZERO && c->a2.type != A_RE)
				bad("invalid usage of line address 0");
		}
		skip_ws();
		while (pos < tlen && text[pos] == '!') {
			c->neg = 1;
			pos++;
			skip_ws();
		}
		if (pos >= tlen)
			bad("missing command");
		ch = text[pos++];
		c->c = ch;
		switch (ch) {
		case '{':
			stack = qu_realloc(stack, sizeof(*stack) * (depth + 1));
			stack[depth++] = prog.n - 1;
			continue;
		case '}':
			if (!depth)
				bad("unexpected `}'");
			if (c->a1.type != A_NONE)
				bad("} doesn't want any addresses");
			prog.v[stack[--depth]].jump = (int)prog.n;
			end_of_cmd();
			continue;
		case '=':
		case 'd':
		case 'D':
		case 'g':
		case 'G':
		case 'h':
		case 'H':
		case 'n':
		case 'N':
		case 'p':
		case 'P':
		case 'x':
		case 'z':
			end_of_cmd();
			break;
		case 'l':
			skip_ws();
			c->lwidth = (int)number();
			end_of_cmd();
			break;
		case 'q':
		case 'Q':
			if (c->a2.type != A_NONE)
				bad("command only uses one address");
			skip_ws();
			c->qcode = (int)number();
			end_of_cmd();
			break;
		case 'a':
		case 'i':
		case 'c':
			if (pos >= tlen || text[pos] == '\n') {
				pos--;
				bad("expected \\ after `a', `c' or `i'");
			}
			read_text(c);
			break;
		case ':':
			if (c->a1.type != A_NONE)
				bad(": doesn't want any addresses");
			c->text = read_word(1);
			if (!c->text[0])
				bad("\":\" lacks a label");
			if (pos < tlen && text[pos] == ';')
				pos++;
			break;
		case 'b':
		case 't':
		case 'T':
			c->text = read_word(1);
			if (pos < tlen && text[pos] == ';')
				pos++;
			break;
		case 'r':
			c->text = read_word(0);
			if (!c->text[0])
				bad("missing filename in r/R/w/W commands");
			break;
		case 'w':
			c->text = read_word(0);
			if (!c->text[0])
				bad("missing filename in r/R/w/W commands");
			c->wf = open_w(c->text);
			break;
		case 's':
			parse_s(c);
			end_of_cmd();
			break;
		case 'y':
			parse_y(c);
			end_of_cmd();
			break;
		default: {
			char msg[64];
			pos--;
			snprintf(msg, sizeof(msg), "unknown command: `%c'", ch);
			pos++;
			bad(msg);
		}
		}
	}
	if (depth) {
		pos = tlen;
		bad("unmatched `{'");
	}
	free(stack);
	resolve_labels();
}
