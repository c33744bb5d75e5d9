/*
 * lexword.c - reading words: quoting, $-expansions, ${...} operators,
 * command and arithmetic substitutions, backquotes, $'...' strings,
 * extended glob groups and array assignment lists.
 */
#include "qsh.h"
#include "lex.h"
#include "lexint.h"
#include "shell.h"

#include <string.h>

/* Part builder: accumulates literal runs and appends parts. */
struct pb {
	struct parser *p;
	struct wpart *head, **tail;
	struct xstr lit;
	int littype;
};

static void pb_init(struct pb *b, struct parser *p)
{
	b->p = p;
	b->head = NULL;
	b->tail = &b->head;
	xs_init(&b->lit);
	b->littype = -1;
}

static void pb_flush(struct pb *b)
{
	if (b->littype < 0)
		return;
	struct wpart *w = pool_alloc(b->p->pool, sizeof *w);
	w->type = (unsigned char)b->littype;
	w->s = pool_strndup(b->p->pool, b->lit.s ? b->lit.s : "", b->lit.len);
	w->len = b->lit.len;
	*b->tail = w;
	b->tail = &w->next;
	xs_init(&b->lit);
	b->littype = -1;
}

static void pb_char(struct pb *b, int type, int c)
{
	if (b->littype != type)
		pb_flush(b);
	b->littype = type;
	xs_addc(&b->lit, c);
}

static void pb_part(struct pb *b, struct wpart *w)
{
	pb_flush(b);
	*b->tail = w;
	b->tail = &w->next;
}

static struct wpart *pb_done(struct pb *b)
{
	pb_flush(b);
	return b->head;
}

/* A new word part of type. */
struct wpart *newpart(struct parser *p, int type)
{
	struct wpart *w = pool_alloc(p->pool, sizeof *w);
	w->type = (unsigned char)type;
	return w;
}

/* Report an unterminated quoted construct at EOF. */
_Noreturn void no_closing_quote(void)
{
	syntax_errorf(src_line(), "no closing quote");
}

/* ------------------------------------------------------------------ $'...' */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Append the UTF-8 encoding of code point u (mksh: only 0..U+FFFD). */
void utf8_put(struct xstr *x, unsigned long u)
{
	if (u > 0xfffd)
		u = 0xfffd;
	if (u < 0x80) {
		xs_addc(x, (int)u);
	} else if (u < 0x800) {
		xs_addc(x, (int)(0xc0 | (u >> 6)));
		xs_addc(x, (int)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		xs_addc(x, (int)(0xe0 | (u >> 12)));
		xs_addc(x, (int)(0x80 | ((u >> 6) & 0x3f)));
		xs_addc(x, (int)(0x80 | (u & 0x3f)));
	} else {
		if (u > 0x10ffff)
			u = 0xfffd;
		xs_addc(x, (int)(0xf0 | (u >> 18)));
		xs_addc(x, (int)(0x80 | ((u >> 12) & 0x3f)));
		xs_addc(x, (int)(0x80 | ((u >> 6) & 0x3f)));
		xs_addc(x, (int)(0x80 | (u & 0x3f)));
	}
}

/* Read the body of $'...' (after the quote) with C-style escapes. */
static void read_cstring(struct pb *b)
{
	struct xstr x;
	xs_init(&x);
	int c;
	size_t nul = (size_t)-1; /* like mksh, a \0 ends the string's value */
	for (;;) {
		c = lgetc();
		if (c < 0)
			no_closing_quote();
		if (c == '\'')
			break;
		if (c != '\\') {
			xs_addc(&x, c);
			continue;
		}
		c = lgetc();
		if (c < 0)
			no_closing_quote();
		switch (c) {
		case 'a':
			xs_addc(&x, 7);
			break;
		case 'b':
			xs_addc(&x, 8);
			break;
		case 'f':
			xs_addc(&x, 12);
			break;
		case 'n':
			xs_addc(&x, 10);
			break;
		case 'r':
			xs_addc(&x, 13);
			break;
		case 't':
			xs_addc(&x, 9);
			break;
		case 'v':
			xs_addc(&x, 11);
			break;
		case 'E':
		case 'e':
			xs_addc(&x, 27);
			break;
		case 'c': {
			int d = lgetc();
			if (d < 0)
				no_closing_quote();
			xs_addc(&x, d == '?' ? 127 : (d & 0x9f));
			break;
		}
		case 'x': {
			unsigned long v = 0;
			int n = 0, d;
			while ((d = lgetc()) >= 0 && hexval(d) >= 0) {
				v = v * 16 + (unsigned long)hexval(d);
				n++;
				if (v > 0x10ffff)
					v = 0x110000;
			}
			lungetc(d);
			if (!n)
				xs_addc(&x, 'x');
			else if (v < 0x100)
				xs_addc(&x, (int)v);
			else
				utf8_put(&x, v);
			break;
		}
		case 'u':
		case 'U': {
			int max = c == 'u' ? 4 : 8, n = 0, d;
			unsigned long v = 0;
			while (n < max && (d = lgetc()) >= 0) {
				if (hexval(d) < 0) {
					lungetc(d);
					break;
				}
				v = v * 16 + (unsigned long)hexval(d);
				n++;
			}
			if (!n)
				xs_addc(&x, c);
			else
				utf8_put(&x, v);
			break;
		}
		default:
			if (c >= '0' && c <= '7') {
				int v = c - '0', n = 1, d;
				while (n < 3 && (d = lgetc()) >= '0' && d <= '7') {
					v = v * 8 + d - '0';
					n++;
				}
				if (n < 3)
					lungetc(d);
				xs_addc(&x, v & 0xff);
			} else if (c == '\n') {
				/* backslash-newline is removed */
			} else {
				xs_addc(&x, c);
			}
		}
	}
	for (size_t i = 0; i < x.len; i++)
		if (!x.s[i] && nul == (size_t)-1)
			nul = i;
	if (nul != (size_t)-1)
		x.len = nul;
	for (size_t i = 0; i < x.len; i++)
		pb_char(b, WP_QLIT, (unsigned char)x.s[i]);
	if (!x.len) {
		pb_flush(b);
		b->littype = WP_QLIT;
	}
}

/* ------------------------------------------------------------------ $... */

static struct wpart *read_backquote(struct parser *p, int dq);

/* Arithmetic $((...)) or, if it does not close with "))", $( (...) ...). */
static struct wpart *read_dollar_paren(struct parser *p)
{
	int c = lgetc();
	if (c == '(') {
		struct xstr scan;
		xs_init(&scan);
		int depth = 0, ok = 0;
		while ((c = lgetc()) >= 0) {
			xs_addc(&scan, c);
			if (c == '(') {
				depth++;
			} else if (c == ')') {
				if (!depth) {
					int d = lgetc();
					if (d >= 0)
						xs_addc(&scan, d);
					ok = d == ')';
					break;
				}
				depth--;
			}
		}
		if (c < 0)
			no_closing_quote();
		src_push_back(scan.s ? scan.s : "", scan.len, 1);
		if (ok) {
			struct wpart *w = newpart(p, WP_ARITH);
			w->kids = read_parts(p, LM_ARITH);
			return w;
		}
		src_push_back("(", 1, 0);
	} else {
		lungetc(c);
	}
	struct wpart *w = newpart(p, WP_CMDSUB);
	w->cmd = parse_cmdsub(p);
	return w;
}

/* After '$': parse an expansion, or return NULL if '$' is literal. */
static struct wpart *read_dollar(struct parser *p, int dq)
{
	int c = lgetc();
	if (c == '{')
		return lex_read_braced(p, dq);
	if (c == '(')
		return read_dollar_paren(p);
	if (is_name_start(c)) {
		struct xstr n;
		xs_init(&n);
		while (is_name_char(c)) {
			xs_addc(&n, c);
			c = lgetc();
		}
		lungetc(c);
		struct wpart *w = newpart(p, WP_PARAM);
		w->s = pool_strndup(p->pool, xs_str(&n), n.len);
		w->len = n.len;
		return w;
	}
	if ((c >= '0' && c <= '9') || (c >= 0 && strchr("#?$!-*@", c))) {
		struct wpart *w = newpart(p, WP_PARAM);
		char s[2] = {(char)c, 0};
		w->s = pool_strndup(p->pool, s, 1);
		w->len = 1;
		return w;
	}
	lungetc(c);
	return NULL;
}

/* `...`: collect the text, undo its backslashes and parse it. */
static struct wpart *read_backquote(struct parser *p, int dq)
{
	struct xstr t;
	xs_init(&t);
	int c;
	int line = src_line();
	for (;;) {
		c = lgetc();
		if (c < 0)
			no_closing_quote();
		if (c == '`')
			break;
		if (c == '\\') {
			int d = lgetc();
			if (d < 0)
				no_closing_quote();
			if (d == '$' || d == '`' || d == '\\' || (dq && d == '"')) {
				xs_addc(&t, d);
				continue;
			}
			if (d == '\n')
				continue;
			xs_addc(&t, c);
			c = d;
		}
		xs_addc(&t, c);
	}
	struct wpart *w = newpart(p, WP_CMDSUB);
	w->flags |= PF_BQUOTE;
	struct source *b = src_base();
	w->cmd = parse_string(p->pool, t.s ? xs_str(&t) : "", b ? b->name : NULL, line);
	return w;
}

/* ------------------------------------------------------------------ words */

/* Does the mode end at character c (depth: unquoted brace nesting)? */
static int ends_here(int mode, int c, int *depth)
{
	switch (mode) {
	case LM_DQUOTE:
		return c == '"';
	case LM_PWORD:
	case LM_PWORD_DQ:
	case LM_PAT:
	case LM_SUBREP:
	case LM_SUBREP_DQ:
	case LM_SUBSTRLEN:
		/* like mksh, the first unquoted '}' ends (braces do not nest) */
		(void)depth;
		return c == '}';
	case LM_SUBPAT:
		return c == '}' || c == '/';
	case LM_SUBSTR:
		return c == '}' || c == ':';
	}
	return 0;
}

/*
 * Read parts in a quoted or delimited mode until its terminator (left
 * unread for ${...} modes, consumed for "..." and $((...))).
 */
struct wpart *read_parts(struct parser *p, int mode)
{
	struct pb b;
	pb_init(&b, p);
	int depth = 0, c;
	int dqlike = mode == LM_DQUOTE || mode == LM_HEREDOC || mode == LM_PWORD_DQ ||
	             mode == LM_SUBREP_DQ;
	int lit = dqlike ? WP_QLIT : WP_LIT;
	if (mode == LM_ARITH || mode == LM_SUBSCR)
		lit = WP_LIT;
	for (;;) {
		c = lgetc();
		if (c < 0) {
			if (mode == LM_HEREDOC)
				break;
			if (mode == LM_SUBSCR)
				syntax_errorf(src_line(), "missing ]");
			no_closing_quote();
		}
		if (mode == LM_ARITH) {
			if (c == '(')
				depth++;
			else if (c == ')') {
				if (depth == 0) {
					int d = lgetc();
					if (d == ')')
						break;
					lungetc(d);
					syntax_errorf(src_line(), "syntax error: unmatched '('");
				}
				depth--;
			}
		} else if (mode == LM_SUBSCR) {
			if (c == '[')
				depth++;
			else if (c == ']') {
				if (depth == 0)
					break;
				depth--;
			}
		} else if (mode != LM_HEREDOC && ends_here(mode, c, &depth)) {
			if (mode != LM_DQUOTE)
				lungetc(c);
			break;
		}
		if (c == '\\') {
			int d = lgetc();
			if (d < 0) {
				pb_char(&b, lit, c);
				continue;
			}
			if (d == '\n')
				continue;
			if (dqlike || mode == LM_ARITH || mode == LM_SUBSCR) {
				const char *esc = mode == LM_HEREDOC ? "$`\\" : "$`\\\"";
				if (strchr(esc, d) ||
				    (d == '}' && mode != LM_DQUOTE && mode != LM_HEREDOC)) {
					pb_char(&b, WP_QLIT, d);
				} else {
					pb_char(&b, lit, c);
					lungetc(d);
				}
			} else {
				pb_char(&b, WP_QLIT, d);
			}
			continue;
		}
		if (c == '$') {
			struct wpart *w = read_dollar(p, dqlike);
			if (w)
				pb_part(&b, w);
			else
				pb_char(&b, lit, c);
			continue;
		}
		if (c == '`') {
			pb_part(&b, read_backquote(p, dqlike));
			continue;
		}
		if (c == '"' && mode != LM_HEREDOC && mode != LM_DQUOTE && mode != LM_ARITH) {
			struct wpart *w = newpart(p, WP_DQ);
			w->kids = read_parts(p, LM_DQUOTE);
			pb_part(&b, w);
			continue;
		}
		if (c == '\'' && !dqlike && mode != LM_ARITH) {
			pb_flush(&b);
			b.littype = WP_QLIT;
			while ((c = lgetc()) != '\'') {
				if (c < 0)
					no_closing_quote();
				xs_addc(&b.lit, c);
			}
			continue;
		}
		pb_char(&b, lit, c);
	}
	return pb_done(&b);
}

/* Read an array assignment list "( word ... )" after "name=". */
static struct wpart *read_array_list(struct parser *p)
{
	struct wpart *w = newpart(p, WP_ARRAY);
	struct word **tail = &w->list;
	for (;;) {
		int c;
		do
			c = lgetcc();
		while (c == ' ' || c == '\t' || c == '\n');
		if (c == '#') {
			while ((c = lgetc()) >= 0 && c != '\n')
				;
			continue;
		}
		if (c == ')')
			break;
		if (c < 0)
			syntax_errorf(src_line(), "syntax error: unexpected EOF");
		if (strchr(";&|(<>", c)) {
			char buf[2] = {(char)c, 0};
			syntax_errorf(src_line(), "syntax error: unexpected '%s'", buf);
		}
		lungetc(c);
		int dfd = -1;
		int save = p->cmdpos;
		p->cmdpos = 0;
		struct word *x = pool_alloc(p->pool, sizeof *x);
		x->parts = read_word_parts(p, &dfd);
		p->cmdpos = save;
		*tail = x;
		tail = &x->next;
	}
	return w;
}

/* Is the literal text accumulated so far "name=" or "name+="? */
static int lit_is_assign_prefix(struct pb *b)
{
	if (b->head || b->littype != WP_LIT)
		return 0;
	size_t n = b->lit.len;
	const char *s = b->lit.s;
	if (n < 2 || s[n - 1] != '=')
		return 0;
	n--;
	if (s[n - 1] == '+')
		n--;
	if (!n || !is_name_start((unsigned char)s[0]))
		return 0;
	for (size_t i = 1; i < n; i++)
		if (!is_name_char((unsigned char)s[i]))
			return 0;
	return 1;
}

/* Is the literal text so far a plain identifier (for name[...])? */
static int lit_is_name(struct pb *b)
{
	if (b->head || b->littype != WP_LIT || !b->lit.len)
		return 0;
	if (!is_name_start((unsigned char)b->lit.s[0]))
		return 0;
	for (size_t i = 1; i < b->lit.len; i++)
		if (!is_name_char((unsigned char)b->lit.s[i]))
			return 0;
	return 1;
}

/*
 * After "name[": does a matching ']' follow on this line? (Then blanks
 * inside belong to the word, as in "a[1 + 1]=x".) The text is pushed back.
 */
static int bracket_closes(void)
{
	struct xstr scan;
	xs_init(&scan);
	int depth = 1, c, ok = 0;
	while ((c = lgetc()) >= 0) {
		xs_addc(&scan, c);
		if (c == '\n')
			break;
		if (c == '[')
			depth++;
		else if (c == ']' && --depth == 0) {
			ok = 1;
			break;
		}
	}
	if (scan.len)
		src_push_back(scan.s, scan.len, 1);
	return ok;
}

/*
 * Read an unquoted word (command argument, pattern, ...). If the word is a
 * single unquoted digit directly followed by '<' or '>', *digit_fd gets it.
 */
struct wpart *read_word_parts(struct parser *p, int *digit_fd)
{
	struct pb b;
	pb_init(&b, p);
	int egdepth = 0, brdepth = 0, c;
	for (;;) {
		c = lgetcc();
		if (c < 0)
			break;
		if (egdepth == 0 && brdepth == 0) {
			if (c == ' ' || c == '\t' || c == '\n' || strchr(";&|()<>", c)) {
				if (c == '(' && p->cmdpos && lit_is_assign_prefix(&b)) {
					pb_part(&b, read_array_list(p));
					c = -1; /* the word ends after the list */
					break;
				}
				if ((c == '<' || c == '>') && !b.head && b.littype == WP_LIT &&
				    b.lit.len == 1 && b.lit.s[0] >= '0' && b.lit.s[0] <= '9' &&
				    !p->dbrack) {
					*digit_fd = b.lit.s[0] - '0';
					lungetc(c);
					return NULL;
				}
				if (c == '&' && !b.head && b.littype == WP_LIT && b.lit.len == 1 &&
				    b.lit.s[0] >= '0' && b.lit.s[0] <= '9' && !p->dbrack) {
					int d = lgetcc();
					lungetc(d);
					if (d == '>') {
						*digit_fd = b.lit.s[0] - '0';
						lungetc(c);
						return NULL;
					}
				}
				break;
			}
		} else if (egdepth > 0) {
			/* an open extended pattern group continues like a quote */
			if (c == '(')
				egdepth++;
			else if (c == ')')
				egdepth--;
			if (c == '(' || c == ')' || c == '|' || c == ' ' || c == '\t' ||
			    c == '\n' || strchr(";&<>", c)) {
				pb_char(&b, WP_LIT, c);
				continue;
			}
		} else if (brdepth > 0) {
			if (c == '[')
				brdepth++;
			else if (c == ']')
				brdepth--;
			if (c == '\n')
				break;
			if (c != '\\' && c != '$' && c != '`' && c != '"' && c != '\'') {
				pb_char(&b, WP_LIT, c);
				continue;
			}
		}
		if (c && strchr("@*+?!", c)) {
			int d = lgetc();
			if (d == '(') {
				pb_char(&b, WP_LIT, c);
				pb_char(&b, WP_LIT, d);
				egdepth++;
				continue;
			}
			lungetc(d);
		}
		if (c == '[' && egdepth == 0 && brdepth == 0 && lit_is_name(&b) &&
		    bracket_closes()) {
			pb_char(&b, WP_LIT, c);
			brdepth = 1;
			continue;
		}
		if (c == '\\') {
			int d = lgetc();
			if (d < 0) {
				/* a backslash at the end of the input is dropped */
				c = -1;
				break;
			}
			pb_char(&b, WP_QLIT, d);
			continue;
		}
		if (c == '\'') {
			pb_flush(&b);
			b.littype = WP_QLIT;
			while ((c = lgetc()) != '\'') {
				if (c < 0)
					no_closing_quote();
				xs_addc(&b.lit, c);
			}
			continue;
		}
		if (c == '"') {
			struct wpart *w = newpart(p, WP_DQ);
			w->kids = read_parts(p, LM_DQUOTE);
			pb_part(&b, w);
			continue;
		}
		if (c == '$') {
			int d = lgetc();
			if (d == '\'') {
				read_cstring(&b);
				continue;
			}
			if (d == '"') {
				struct wpart *w = newpart(p, WP_DQ);
				w->kids = read_parts(p, LM_DQUOTE);
				pb_part(&b, w);
				continue;
			}
			lungetc(d);
			struct wpart *w = read_dollar(p, 0);
			if (w)
				pb_part(&b, w);
			else
				pb_char(&b, WP_LIT, c);
			continue;
		}
		if (c == '`') {
			pb_part(&b, read_backquote(p, 0));
			continue;
		}
		pb_char(&b, WP_LIT, c);
	}
	lungetc(c);
	if (egdepth > 0 && c < 0)
		no_closing_quote();
	return pb_done(&b);
}
