/*
 * lex.c - the tokenizer: operators, redirections, words with their quoting
 * structure, aliases, here-document bodies. Parameter expansions, command
 * and arithmetic substitutions inside words are parsed by lexword.c.
 */
#include "qsh.h"
#include "lex.h"
#include "lexint.h"
#include "shell.h"

#include <string.h>

static const char *const keywords[] = {
        "!",        "{",  "}",  "case",   "do",   "done", "elif",  "else",  "esac", "fi", "for",
        "function", "if", "in", "select", "then", "time", "until", "while", "[[",   NULL};

static struct parser *cur_parser;

/* The parser whose tokens are being read (for alias trailing blanks). */
struct parser *parser_cur(void)
{
	return cur_parser;
}

/* Called by the input layer when an alias whose value ends in a blank ends. */
void lex_alias_blank(void)
{
	if (cur_parser)
		cur_parser->alias_next = 1;
}

/* True if s is a reserved word. */
int is_keyword(const char *s)
{
	for (int i = 0; keywords[i]; i++)
		if (!strcmp(keywords[i], s))
			return 1;
	return 0;
}

/* ------------------------------------------------------------------ errors */

/* Report a syntax error at line and unwind. */
_Noreturn void syntax_errorf(int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int save = sh.src.line;
	if (line > 0)
		sh.src.line = line;
	vmsgf('E', 1, fmt, ap);
	sh.src.line = save;
	va_end(ap);
	lex_pending_reset();
	src_record_reset();
	unwind(UW_ERROR);
}

/* Printable name of a token for "unexpected" messages. */
const char *tok_name(int tok, struct parser *p, char *buf, size_t n)
{
	switch (tok) {
	case T_EOF:
		return NULL;
	case T_NL:
		return "newline";
	case T_SEMI:
		return ";";
	case T_AMP:
		return "&";
	case T_ANDAND:
		return "&&";
	case T_OROR:
		return "||";
	case T_PIPE:
		return "|";
	case T_COPROC:
		return "|&";
	case T_LPAR:
		return p->lpar2 ? "((" : "(";
	case T_RPAR:
		return ")";
	case T_DSEMI:
		return ";;";
	case T_SEMIAMP:
		return ";&";
	case T_SEMIPIPE:
		return ";|";
	case T_ARITHCMD:
		return "((";
	case T_REDIR: {
		/* mksh prints a redirection token with a trailing blank */
		redir_opname(p->redir, buf, n - 1);
		size_t l = strlen(buf);
		buf[l] = ' ';
		buf[l + 1] = 0;
		return buf;
	}
	case T_WORD: {
		struct sbuf b;
		sb_init(&b);
		unparse_word(&b, p->word);
		size_t l = b.len < n - 1 ? b.len : n - 1;
		memcpy(buf, b.s ? b.s : "", l);
		buf[l] = 0;
		sb_free(&b);
		return buf;
	}
	}
	return "?";
}

/* "syntax error: unexpected X" for the token just read. */
_Noreturn void syntax_error_tok(struct parser *p, int tok)
{
	char buf[256];
	const char *n = tok_name(tok, p, buf, sizeof buf);
	if (!n)
		syntax_errorf(src_line(), "syntax error: unexpected EOF");
	syntax_errorf(p->tokline, "syntax error: unexpected '%s'", n);
}

/* ------------------------------------------------------------------ heredocs */

struct pending {
	struct redir *r;
	struct pending *next;
};
static struct pending *pend_head, **pend_tail = &pend_head;

/* Forget pending here-documents (after a syntax error). */
void lex_pending_reset(void)
{
	pend_head = NULL;
	pend_tail = &pend_head;
}

static void pending_add(struct redir *r)
{
	struct pending *pe = stalloc(sizeof *pe);
	pe->r = r;
	pe->next = NULL;
	*pend_tail = pe;
	pend_tail = &pe->next;
}

/* Read one here-document body for r from the input. */
static void read_heredoc(struct parser *p, struct redir *r)
{
	struct xstr body;
	xs_init(&body);
	int quoted = r->flags & RF_HQUOTED;
	int startline = src_line();
	for (;;) {
		struct xstr line;
		xs_init(&line);
		int c, got = 0;
		while ((c = lgetc()) >= 0) {
			got = 1;
			if (c == '\\' && !quoted) {
				int d = lgetc();
				if (d == '\n')
					continue;
				xs_addc(&line, c);
				if (d < 0)
					break;
				c = d;
			}
			if (c == '\n')
				break;
			xs_addc(&line, c);
		}
		char *l = xs_str(&line);
		if (r->flags & RF_STRIP)
			while (*l == '\t')
				l++;
		if (!strcmp(l, r->hdmark))
			break;
		if (c < 0 && !got)
			syntax_errorf(src_line(), "here document '%s' unclosed", r->hdmark);
		xs_adds(&body, l);
		xs_addc(&body, '\n');
		if (c < 0)
			syntax_errorf(src_line(), "here document '%s' unclosed", r->hdmark);
	}
	char *text = xs_str(&body);
	r->hdlen = body.len;
	if (quoted) {
		r->hdtext = pool_strndup(p->pool, text, body.len);
	} else {
		src_push_string(text, body.len, NULL, startline);
		struct parser sub = *p;
		sub.peeked = 0;
		r->hdbody = read_parts(&sub, LM_HEREDOC);
		src_pop();
	}
}

/* Read the bodies of all here-documents pending at this newline. */
void lex_read_heredocs(struct parser *p)
{
	while (pend_head) {
		struct pending *pe = pend_head;
		pend_head = pe->next;
		if (!pend_head)
			pend_tail = &pend_head;
		read_heredoc(p, pe->r);
	}
}

/* ------------------------------------------------------------------ tokens */

/* Skip blanks, line continuations and comments. */
static int skip_blanks(struct parser *p)
{
	(void)p;
	for (;;) {
		int c = lgetc();
		if (c == ' ' || c == '\t')
			continue;
		if (c == '\\') {
			int d = lgetc();
			if (d == '\n')
				continue;
			lungetc(d);
			return c;
		}
		if (c == '#') {
			while ((c = lgetc()) >= 0 && c != '\n')
				;
			return c;
		}
		return c;
	}
}

/* Next character with line continuations removed (unquoted context). */
int lgetcc(void)
{
	for (;;) {
		int c = lgetc();
		if (c != '\\')
			return c;
		int d = lgetc();
		if (d == '\n')
			continue;
		lungetc(d);
		return c;
	}
}

/* Read a here-document marker: raw text with quote removal. */
static struct word *read_marker(struct parser *p, struct redir *r)
{
	struct xstr m, raw;
	xs_init(&m);
	xs_init(&raw);
	int c = skip_blanks(p);
	int quoted = 0;
	for (;; c = lgetcc()) {
		if (c < 0 || c == ' ' || c == '\t' || c == '\n' || strchr(";&|()<>", c))
			break;
		xs_addc(&raw, c);
		if (c == '\'' || c == '"') {
			int q = c;
			quoted = 1;
			while ((c = lgetc()) >= 0 && c != q) {
				xs_addc(&raw, c);
				if (q == '"' && c == '\\') {
					int d = lgetc();
					if (d < 0)
						break;
					xs_addc(&raw, d);
					if (!strchr("\\\"$`", d))
						xs_addc(&m, c);
					c = d;
				}
				xs_addc(&m, c);
			}
			if (c < 0)
				syntax_errorf(src_line(), "no closing quote");
			xs_addc(&raw, c);
			continue;
		}
		if (c == '\\') {
			quoted = 1;
			int d = lgetc();
			if (d < 0)
				break;
			xs_addc(&raw, d);
			xs_addc(&m, d);
			continue;
		}
		xs_addc(&m, c);
	}
	lungetc(c);
	if (!raw.len) {
		p->tokline = src_line();
		syntax_error_tok(p, c < 0 ? T_EOF : c == '\n' ? T_NL : T_SEMI);
	}
	r->hdmark = pool_strndup(p->pool, xs_str(&m), m.len);
	if (quoted)
		r->flags |= RF_HQUOTED;
	struct word *w = pool_alloc(p->pool, sizeof *w);
	struct wpart *wp = pool_alloc(p->pool, sizeof *wp);
	wp->type = WP_QLIT;
	wp->s = pool_strndup(p->pool, xs_str(&raw), raw.len);
	wp->len = raw.len;
	w->parts = wp;
	return w;
}

/* Parse a redirection operator starting with c (already read). */
static int read_redir(struct parser *p, int c, int fd)
{
	struct redir *r = pool_alloc(p->pool, sizeof *r);
	r->fd = fd;
	int d;
	if (c == '&') { /* &> */
		r->flags |= RF_BOTH;
		c = lgetcc(); /* '>' */
		d = lgetcc();
		if (d == '>')
			r->op = R_APPEND;
		else if (d == '|')
			r->op = R_CLOBBER;
		else if (d == '&')
			r->op = R_DUPOUT;
		else {
			lungetc(d);
			r->op = R_OUT;
		}
	} else if (c == '<') {
		d = lgetcc();
		if (d == '<') {
			int e = lgetcc();
			if (e == '-') {
				r->op = R_HERE;
				r->flags |= RF_STRIP;
			} else if (e == '<') {
				r->op = R_HERESTR;
			} else {
				lungetc(e);
				r->op = R_HERE;
			}
		} else if (d == '&') {
			r->op = R_DUPIN;
		} else if (d == '>') {
			r->op = R_RDWR;
		} else {
			lungetc(d);
			r->op = R_IN;
		}
	} else {
		d = lgetcc();
		if (d == '>')
			r->op = R_APPEND;
		else if (d == '&')
			r->op = R_DUPOUT;
		else if (d == '|')
			r->op = R_CLOBBER;
		else {
			lungetc(d);
			r->op = R_OUT;
		}
	}
	p->redir = r;
	return T_REDIR;
}

/* Operator name of a redirection for messages. */
const char *redir_opname(const struct redir *r, char *buf, size_t n)
{
	static const char *const names[] = {"<", ">", ">|", ">>", "<>", "<&", ">&", "<<", "<<<"};
	const char *s = names[r->op];
	if (r->op == R_HERE && (r->flags & RF_STRIP))
		s = "<<-";
	snprintf(buf, n, "%s%s", (r->flags & RF_BOTH) ? "&" : "", s);
	return buf;
}

/* Try "((" as an arithmetic command; on success p->word holds the expression. */
static int try_arith_cmd(struct parser *p)
{
	struct xstr scan;
	xs_init(&scan);
	int depth = 0, c, ok = 0;
	while ((c = lgetc()) >= 0) {
		xs_addc(&scan, c);
		if (c == '(')
			depth++;
		else if (c == ')') {
			if (depth == 0) {
				int d = lgetc();
				if (d >= 0)
					xs_addc(&scan, d);
				ok = d == ')';
				break;
			}
			depth--;
		}
	}
	src_push_back(scan.s ? scan.s : "", scan.len, 1);
	if (!ok)
		return 0;
	struct wpart *parts = read_parts(p, LM_ARITH);
	struct word *w = pool_alloc(p->pool, sizeof *w);
	w->parts = parts;
	p->word = w;
	return 1;
}

/* Aliases whose text was being read when the current word started. */
static struct alias *busy[64];
static int nbusy;

/* Input layer hook: the text of alias a has been read completely. */
void lex_alias_ended(struct alias *a)
{
	(void)a;
}

/* Remember the aliases being expanded at the start of a word. */
static void snapshot_busy(void)
{
	nbusy = 0;
	for (struct source *s = src_top; s && nbusy < 64; s = s->prev)
		if (s->type == S_ALIAS)
			busy[nbusy++] = s->alias;
}

/* Was alias a being expanded when the current word started? */
static int alias_busy(struct alias *a)
{
	for (int i = 0; i < nbusy; i++)
		if (busy[i] == a)
			return 1;
	return 0;
}

/* Decide whether an unquoted literal word may be replaced by an alias. */
static struct alias *alias_check(struct parser *p, struct word *w, struct alias **seen, int nseen)
{
	(void)p;
	if (!w->parts || w->parts->next || w->parts->type != WP_LIT)
		return NULL;
	if (is_keyword(w->parts->s))
		return NULL;
	struct alias *a = alias_find(w->parts->s);
	if (!a)
		return NULL;
	for (int i = 0; i < nseen; i++)
		if (seen[i] == a)
			return NULL;
	if (alias_busy(a))
		return NULL;
	return a;
}

/* Read the next token into p (no lookahead handling). */
static int lex_raw(struct parser *p)
{
	struct alias *seen[64];
	int nseen = 0;
again:;
	int c = skip_blanks(p);
	p->tokline = src_line();
	p->word = NULL;
	switch (c) {
	case -1:
		if (pend_head)
			lex_read_heredocs(p);
		return T_EOF;
	case '\n':
		p->tokline = src_line() - 1;
		lex_read_heredocs(p);
		return T_NL;
	case ';': {
		int d = lgetcc();
		if (d == ';')
			return T_DSEMI;
		if (d == '&')
			return T_SEMIAMP;
		if (d == '|')
			return T_SEMIPIPE;
		lungetc(d);
		return T_SEMI;
	}
	case '&': {
		int d = lgetcc();
		if (d == '&')
			return T_ANDAND;
		if (d == '>' && !p->dbrack) {
			lungetc(d);
			return read_redir(p, '&', 1);
		}
		lungetc(d);
		return T_AMP;
	}
	case '|': {
		int d = lgetcc();
		if (d == '|')
			return T_OROR;
		if (d == '&')
			return T_COPROC;
		lungetc(d);
		return T_PIPE;
	}
	case '(':
		if (p->cmdpos && p->arith_ok && !p->dbrack) {
			int d = lgetcc();
			if (d == '(') {
				if (try_arith_cmd(p))
					return T_ARITHCMD;
				/* not arithmetic: "(" "(" followed by the pushed back text */
				src_push_back("(", 1, 0);
				return T_LPAR;
			}
			lungetc(d);
		}
		{
			int d = lgetc();
			lungetc(d);
			p->lpar2 = d == '(';
		}
		return T_LPAR;
	case ')':
		return T_RPAR;
	case '<':
	case '>':
		if (p->dbrack) {
			struct word *w = pool_alloc(p->pool, sizeof *w);
			struct wpart *wp = pool_alloc(p->pool, sizeof *wp);
			wp->type = WP_LIT;
			wp->s = pool_strndup(p->pool, c == '<' ? "<" : ">", 1);
			wp->len = 1;
			w->parts = wp;
			p->word = w;
			return T_WORD;
		}
		return read_redir(p, c, -1);
	}
	lungetc(c);
	snapshot_busy();
	int digit_fd = -1;
	struct wpart *parts = read_word_parts(p, &digit_fd);
	if (digit_fd >= 0) {
		int d = lgetcc();
		if (d == '&') {
			int e = lgetcc();
			lungetc(e);
			if (e == '>')
				return read_redir(p, '&', digit_fd);
			lungetc(d);
		} else {
			return read_redir(p, d, digit_fd);
		}
	}
	struct word *w = pool_alloc(p->pool, sizeof *w);
	w->parts = parts;
	p->word = w;
	if ((p->cmdpos || p->alias_next) && !p->nocheck_alias) {
		int was_next = p->alias_next && !p->cmdpos;
		p->alias_next = 0;
		struct alias *a = alias_check(p, w, seen, nseen);
		if (a && nseen < 64) {
			seen[nseen++] = a;
			src_push_alias(a);
			(void)was_next;
			goto again;
		}
	}
	p->alias_next = 0;
	return T_WORD;
}

/* Read and consume the next token. */
int lex_next(struct parser *p)
{
	if (p->peeked) {
		p->peeked = 0;
		return p->tok;
	}
	struct parser *save = cur_parser;
	cur_parser = p;
	int t = lex_raw(p);
	cur_parser = save;
	p->tok = t;
	if (t == T_REDIR && (p->redir->op == R_HERE)) {
		/* marker follows directly */
	}
	return t;
}

/* Look at the next token without consuming it. */
int lex_peek(struct parser *p)
{
	if (!p->peeked) {
		p->tok = lex_next(p);
		p->peeked = 1;
	}
	return p->tok;
}

/* Consume the peeked token. */
void lex_consume(struct parser *p)
{
	p->peeked = 0;
}

/* Read the target of a here-document redirection and queue its body. */
void lex_heredoc_marker(struct parser *p, struct redir *r)
{
	r->target = read_marker(p, r);
	pending_add(r);
}

/* Parse s (len bytes) as word parts in the given mode (heredoc etc). */
struct wpart *lex_string_parts(struct pool *pool, const char *s, size_t len, int mode)
{
	struct parser sub;
	memset(&sub, 0, sizeof sub);
	sub.pool = pool;
	src_push_string(s, len, NULL, 0);
	struct wpart *w = read_parts(&sub, mode);
	src_pop();
	return w;
}
