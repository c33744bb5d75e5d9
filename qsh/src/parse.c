/*
 * parse.c - the recursive descent parser: lists, pipelines, compound
 * commands, function definitions, simple commands and [[ ]] expressions.
 * The top level reads one command line at a time (parse_line).
 */
#include "qsh.h"
#include "lex.h"
#include "lexint.h"
#include "shell.h"

#include <stdlib.h>
#include <string.h>

static struct node *c_list(struct parser *p, int multi, int required);
static struct node *and_or(struct parser *p);
static struct node *command(struct parser *p);

/* A new zeroed node of type at line. */
struct node *newnode(struct parser *p, int type, int line)
{
	struct node *n = pool_alloc(p->pool, sizeof *n);
	n->type = (unsigned char)type;
	n->line = line;
	return n;
}

/* Peek the next token at command position (aliases, keywords, "(("). */
static int peek_cmd(struct parser *p)
{
	if (!p->peeked) {
		p->cmdpos = 1;
		p->arith_ok = 1;
		lex_peek(p);
		p->cmdpos = 0;
		p->arith_ok = 0;
	}
	return p->tok;
}

/* Peek at a non-command position. */
int peek(struct parser *p)
{
	return lex_peek(p);
}

/* Is the peeked token the unquoted keyword kw? */
static int is_kw(struct parser *p, const char *kw)
{
	return p->peeked && p->tok == T_WORD && word_is_lit(p->word, kw);
}

/* Is the peeked token any keyword that ends a list? */
static int is_list_end(struct parser *p)
{
	static const char *const ends[] = {"then", "else", "elif", "fi", "do",
	                                   "done", "esac", "}",    NULL};
	if (p->tok != T_WORD)
		return 0;
	for (int i = 0; ends[i]; i++)
		if (word_is_lit(p->word, ends[i]))
			return 1;
	return 0;
}

/* Consume the keyword kw or report that the construct opened at line is unmatched. */
static void expect_kw(struct parser *p, const char *kw, const char *opener, int line)
{
	peek_cmd(p);
	if (is_kw(p, kw)) {
		lex_consume(p);
		return;
	}
	if (p->tok == T_EOF)
		syntax_errorf(line, "syntax error: unmatched '%s'", opener);
	syntax_error_tok(p, p->tok);
}

static void skip_nl(struct parser *p)
{
	while (peek_cmd(p) == T_NL)
		lex_consume(p);
}

/* Depth guard against stack exhaustion on deeply nested input. */
void enter(struct parser *p)
{
	if (++p->depth > QSH_MAX_DEPTH || stack_exhausted())
		syntax_errorf(src_line(), "syntax error: nesting too deep");
}

/* ------------------------------------------------------------------ redirections */

/* Complete a redirection token by reading its target word. */
static struct redir *redirection(struct parser *p)
{
	struct redir *r = p->redir;
	lex_consume(p);
	if (r->op == R_HERE) {
		lex_heredoc_marker(p, r);
		return r;
	}
	int t = peek(p);
	if (t != T_WORD)
		syntax_error_tok(p, t);
	r->target = p->word;
	lex_consume(p);
	return r;
}

/* Parse redirections following a compound command. */
static void trailing_redirs(struct parser *p, struct node *n)
{
	struct redir **tail = &n->redirs;
	while (*tail)
		tail = &(*tail)->next;
	while (peek(p) == T_REDIR) {
		*tail = redirection(p);
		tail = &(*tail)->next;
	}
}

/* ------------------------------------------------------------------ compound */

/* Words of a for/select "in" list up to ; or newline. */
static struct word *word_list(struct parser *p)
{
	struct word *head = NULL, **tail = &head;
	for (;;) {
		int t = peek(p);
		if (t != T_WORD)
			break;
		*tail = p->word;
		tail = &p->word->next;
		lex_consume(p);
	}
	return head;
}

/* Body of a loop: do list done, or { list }. */
static struct node *loop_body(struct parser *p, const char *opener, int line)
{
	skip_nl(p);
	if (is_kw(p, "{")) {
		lex_consume(p);
		struct node *b = c_list(p, 1, 0);
		expect_kw(p, "}", opener, line);
		return b;
	}
	if (!is_kw(p, "do")) {
		if (p->tok == T_EOF)
			syntax_errorf(line, "syntax error: unmatched '%s'", opener);
		syntax_error_tok(p, p->tok);
	}
	lex_consume(p);
	struct node *b = c_list(p, 1, 0);
	expect_kw(p, "done", opener, line);
	return b;
}

static struct node *for_cmd(struct parser *p, int type, int line)
{
	const char *kw = type == N_FOR ? "for" : "select";
	struct node *n = newnode(p, type, line);
	int t = peek(p);
	if (t != T_WORD)
		syntax_error_tok(p, t);
	char *name = word_lit_pool(p->pool, p->word);
	if (!name || !is_valid_name(name))
		syntax_errorf(line, "%s: bad identifier", kw);
	n->str = name;
	lex_consume(p);
	t = peek_cmd(p);
	if (t == T_NL) {
		skip_nl(p);
	}
	if (is_kw(p, "in")) {
		lex_consume(p);
		n->flags |= NF_HASIN;
		n->words = word_list(p);
		t = peek(p);
		if (t == T_SEMI || t == T_NL)
			lex_consume(p);
		else
			syntax_error_tok(p, t);
	} else if (p->tok == T_SEMI) {
		lex_consume(p);
	}
	n->right = loop_body(p, kw, line);
	return n;
}

static struct node *case_cmd(struct parser *p, int line)
{
	struct node *n = newnode(p, N_CASE, line);
	int t = peek(p);
	if (t != T_WORD)
		syntax_error_tok(p, t);
	n->words = p->word;
	lex_consume(p);
	skip_nl(p);
	const char *close = "esac";
	if (is_kw(p, "{"))
		close = "}";
	else if (!is_kw(p, "in")) {
		if (p->tok == T_EOF)
			syntax_errorf(line, "syntax error: unmatched 'case'");
		syntax_error_tok(p, p->tok);
	}
	lex_consume(p);
	struct caseitem **tail = &n->items;
	for (;;) {
		skip_nl(p);
		if (is_kw(p, close)) {
			lex_consume(p);
			break;
		}
		t = p->tok;
		if (t == T_EOF)
			syntax_errorf(line, "syntax error: unmatched 'case'");
		if (t == T_LPAR) {
			lex_consume(p);
			t = peek(p);
		}
		struct caseitem *ci = pool_alloc(p->pool, sizeof *ci);
		struct word **wt = &ci->pats;
		for (;;) {
			t = peek(p);
			if (t != T_WORD)
				syntax_error_tok(p, t);
			*wt = p->word;
			wt = &p->word->next;
			lex_consume(p);
			t = peek(p);
			if (t == T_PIPE) {
				lex_consume(p);
				continue;
			}
			if (t == T_RPAR) {
				lex_consume(p);
				break;
			}
			if (t == T_EOF)
				syntax_errorf(line, "syntax error: unmatched 'case'");
			syntax_error_tok(p, t);
		}
		ci->body = c_list(p, 1, 0);
		t = peek_cmd(p);
		if (t == T_DSEMI || t == T_SEMIAMP || t == T_SEMIPIPE) {
			ci->term = t == T_DSEMI ? CT_BREAK : t == T_SEMIAMP ? CT_FALL : CT_CONT;
			lex_consume(p);
		} else if (!is_kw(p, close)) {
			if (t == T_EOF)
				syntax_errorf(line, "syntax error: unmatched 'case'");
			syntax_error_tok(p, t);
		}
		*tail = ci;
		tail = &ci->next;
	}
	return n;
}

/* A list that must not be empty; EOF means the opener is unmatched. */
static struct node *req_list(struct parser *p, const char *opener, int line)
{
	skip_nl(p);
	if (p->tok == T_EOF)
		syntax_errorf(line, "syntax error: unmatched '%s'", opener);
	return c_list(p, 1, 1);
}

static struct node *if_cmd(struct parser *p, int line)
{
	struct node *n = newnode(p, N_IF, line);
	n->left = c_list(p, 1, 0);
	expect_kw(p, "then", "if", line);
	n->right = req_list(p, "if", line);
	peek_cmd(p);
	if (is_kw(p, "elif")) {
		int l2 = p->tokline;
		lex_consume(p);
		n->third = if_cmd(p, l2);
		n->third->flags |= NF_ELIF;
		return n;
	}
	if (is_kw(p, "else")) {
		lex_consume(p);
		n->third = req_list(p, "if", line);
	}
	expect_kw(p, "fi", "if", line);
	return n;
}

/* Function body after the name (and "()" if any). */
static struct node *func_def(struct parser *p, const char *name, int ksh, int line)
{
	struct node *n = newnode(p, N_FUNC, line);
	n->str = pool_strndup(p->pool, name, strlen(name));
	if (ksh)
		n->flags |= NF_KSHFUNC;
	skip_nl(p);
	if (p->tok == T_EOF) {
		n->left = NULL;
		return n;
	}
	enter(p);
	n->left = command(p);
	p->depth--;
	if (!n->left)
		syntax_error_tok(p, peek(p));
	return n;
}

static struct node *function_kw(struct parser *p, int line)
{
	int t = peek(p);
	if (t != T_WORD)
		syntax_error_tok(p, t);
	char *nm = word_lit_pool(p->pool, p->word);
	if (!nm)
		syntax_error_tok(p, t);
	lex_consume(p);
	int ksh = 1;
	if (peek(p) == T_LPAR) {
		lex_consume(p);
		t = peek(p);
		if (t != T_RPAR)
			syntax_error_tok(p, t);
		lex_consume(p);
		ksh = 0;
	}
	if (ksh) {
		/* "function name" takes a compound command (mksh) */
		t = peek_cmd(p);
		while (t == T_NL) {
			lex_consume(p);
			t = peek_cmd(p);
		}
		if (t != T_LPAR && t != T_ARITHCMD &&
		    !(t == T_WORD && p->word->parts && !p->word->parts->next &&
		      p->word->parts->type == WP_LIT && is_keyword(p->word->parts->s) &&
		      !is_list_end(p) && strcmp(p->word->parts->s, "!") &&
		      strcmp(p->word->parts->s, "time") && strcmp(p->word->parts->s, "function") &&
		      strcmp(p->word->parts->s, "in")))
			syntax_error_tok(p, t);
	}
	return func_def(p, nm, ksh, line);
}

/* ------------------------------------------------------------------ commands */

/* Is w an assignment word (name=, name+=, name[...]=)? */
int word_is_assign(const struct word *w)
{
	const struct wpart *pt = w->parts;
	if (!pt || pt->type != WP_LIT)
		return 0;
	const char *s = pt->s;
	if (!is_name_start((unsigned char)*s))
		return 0;
	s++;
	while (is_name_char((unsigned char)*s))
		s++;
	if (*s == '[') {
		/* the subscript may span several parts: find "]=" in literal text */
		int depth = 0;
		for (;;) {
			for (; *s; s++) {
				if (*s == '[')
					depth++;
				else if (*s == ']' && --depth == 0) {
					s++;
					goto after;
				}
			}
			pt = pt->next;
			if (!pt)
				return 0;
			if (pt->type != WP_LIT)
				continue;
			s = pt->s;
		}
	after:
		if (!*s)
			return 0;
	}
	if (*s == '+')
		s++;
	return *s == '=';
}

static struct node *simple(struct parser *p)
{
	int t = peek(p);
	struct node *n = newnode(p, N_SIMPLE, p->tokline);
	struct word **at = &n->assigns, **wt = &n->words;
	struct redir **rt = &n->redirs;
	int nargs = 0;
	for (;;) {
		if (!p->peeked) {
			p->cmdpos = nargs == 0;
			lex_peek(p);
			p->cmdpos = 0;
		}
		t = p->tok;
		if (t == T_REDIR) {
			*rt = redirection(p);
			rt = &(*rt)->next;
			continue;
		}
		if (t != T_WORD)
			break;
		struct word *w = p->word;
		if (nargs == 0 && word_is_assign(w)) {
			lex_consume(p);
			*at = w;
			at = &w->next;
			const struct wpart *last = w->parts;
			while (last && last->next)
				last = last->next;
			if (last && last->type == WP_ARRAY) {
				/* mksh: nothing but assignments may follow name=( ... ) */
				int t2 = peek(p);
				if (t2 == T_WORD && !word_is_assign(p->word))
					syntax_error_tok(p, t2);
			}
			continue;
		}
		if (nargs > 0 && Flag(O_KEYWORD) && word_is_assign(w)) {
			lex_consume(p);
			*at = w;
			at = &w->next;
			continue;
		}
		lex_consume(p);
		*wt = w;
		wt = &w->next;
		nargs++;
		if (nargs == 1 && !n->assigns && peek(p) == T_LPAR) {
			/* name() body */
			char *name = word_lit_pool(p->pool, w);
			if (!name) {
				struct xstr x;
				xs_init(&x);
				struct sbuf b;
				sb_init(&b);
				unparse_word(&b, w);
				xs_adds(&x, b.s ? b.s : "");
				sb_free(&b);
				syntax_errorf(n->line, "%s: invalid function name", xs_str(&x));
			}
			lex_consume(p);
			t = peek(p);
			if (t != T_RPAR)
				syntax_error_tok(p, t);
			lex_consume(p);
			return func_def(p, name, 0, n->line);
		}
	}
	if (!nargs && !n->assigns && !n->redirs)
		syntax_error_tok(p, t);
	return n;
}

/* One command: compound, function definition or simple. */
static struct node *command(struct parser *p)
{
	int t = peek_cmd(p);
	int line = p->tokline;
	struct node *n = NULL;
	if (t == T_LPAR) {
		lex_consume(p);
		n = newnode(p, N_SUBSHELL, line);
		enter(p);
		n->left = c_list(p, 1, 0);
		p->depth--;
		t = peek(p);
		if (t != T_RPAR) {
			if (t == T_EOF)
				syntax_errorf(line, "syntax error: unmatched '('");
			syntax_error_tok(p, t);
		}
		lex_consume(p);
		trailing_redirs(p, n);
		return n;
	}
	if (t == T_ARITHCMD) {
		lex_consume(p);
		n = newnode(p, N_ARITH, line);
		n->words = p->word;
		trailing_redirs(p, n);
		return n;
	}
	if (t != T_WORD || !p->word->parts || p->word->parts->next ||
	    p->word->parts->type != WP_LIT || !is_keyword(p->word->parts->s))
		return simple(p);
	const char *kw = p->word->parts->s;
	enter(p);
	if (!strcmp(kw, "if")) {
		lex_consume(p);
		n = if_cmd(p, line);
	} else if (!strcmp(kw, "while") || !strcmp(kw, "until")) {
		lex_consume(p);
		n = newnode(p, kw[0] == 'w' ? N_WHILE : N_UNTIL, line);
		n->left = c_list(p, 1, 0);
		expect_kw(p, "do", kw[0] == 'w' ? "while" : "until", line);
		n->right = c_list(p, 1, 0);
		expect_kw(p, "done", kw[0] == 'w' ? "while" : "until", line);
	} else if (!strcmp(kw, "for") || !strcmp(kw, "select")) {
		lex_consume(p);
		n = for_cmd(p, kw[0] == 'f' ? N_FOR : N_SELECT, line);
	} else if (!strcmp(kw, "case")) {
		lex_consume(p);
		n = case_cmd(p, line);
	} else if (!strcmp(kw, "{")) {
		lex_consume(p);
		n = newnode(p, N_BRACE, line);
		n->left = c_list(p, 1, 0);
		expect_kw(p, "}", "{", line);
	} else if (!strcmp(kw, "[[")) {
		lex_consume(p);
		n = dbracket(p, line);
	} else if (!strcmp(kw, "function")) {
		lex_consume(p);
		n = function_kw(p, line);
		p->depth--;
		return n;
	} else {
		syntax_error_tok(p, t);
	}
	p->depth--;
	trailing_redirs(p, n);
	return n;
}

/* [!] [time [-p]] command { | command } */
static struct node *pipeline(struct parser *p)
{
	int t = peek_cmd(p);
	int line = p->tokline;
	int negate = 0;
	while (t == T_WORD && word_is_lit(p->word, "!")) {
		lex_consume(p);
		negate ^= 1;
		t = peek_cmd(p);
	}
	if (t == T_WORD && word_is_lit(p->word, "time")) {
		lex_consume(p);
		struct node *tn = newnode(p, N_TIME, line);
		t = peek(p);
		if (t == T_WORD && word_is_lit(p->word, "-p")) {
			lex_consume(p);
			tn->flags |= NF_TIMEP;
		}
		t = peek_cmd(p);
		if (t == T_WORD || t == T_LPAR || t == T_ARITHCMD || t == T_REDIR) {
			if (!(t == T_WORD && is_list_end(p)))
				tn->left = pipeline(p);
		}
		if (negate) {
			struct node *pn = newnode(p, N_PIPE, line);
			pn->flags |= NF_NEGATE;
			pn->left = tn;
			return pn;
		}
		return tn;
	}
	struct node *first = command(p);
	struct node *last = first;
	int count = 1;
	while (peek(p) == T_PIPE) {
		lex_consume(p);
		skip_nl(p);
		if (p->tok == T_EOF)
			syntax_error_tok(p, T_EOF);
		last->next = command(p);
		last = last->next;
		count++;
	}
	if (count == 1 && !negate)
		return first;
	struct node *pn = newnode(p, N_PIPE, line);
	pn->left = first;
	if (negate)
		pn->flags |= NF_NEGATE;
	return pn;
}

static struct node *and_or(struct parser *p)
{
	struct node *l = pipeline(p);
	for (;;) {
		int t = peek(p);
		if (t != T_ANDAND && t != T_OROR)
			return l;
		lex_consume(p);
		skip_nl(p);
		if (p->tok == T_EOF)
			syntax_error_tok(p, T_EOF);
		struct node *n = newnode(p, t == T_ANDAND ? N_AND : N_OR, l->line);
		n->left = l;
		n->right = pipeline(p);
		l = n;
	}
}

/* Can the peeked token start a command? */
static int starts_command(struct parser *p)
{
	switch (p->tok) {
	case T_WORD:
		return !is_list_end(p);
	case T_LPAR:
	case T_REDIR:
	case T_ARITHCMD:
		return 1;
	}
	return 0;
}

/*
 * A list of and-or lists separated by ; & |& (and newlines if multi).
 * Returns NULL for an empty list (an error if required).
 */
static struct node *c_list(struct parser *p, int multi, int required)
{
	struct node *head = NULL, **tail = &head;
	int count = 0;
	int line = 0;
	for (;;) {
		if (multi)
			skip_nl(p);
		else
			peek_cmd(p);
		if (!starts_command(p))
			break;
		struct node *n = and_or(p);
		if (!line)
			line = n->line;
		int t = peek(p);
		if (t == T_AMP || t == T_COPROC) {
			lex_consume(p);
			struct node *a = newnode(p, t == T_AMP ? N_ASYNC : N_COPROC, n->line);
			a->left = n;
			n = a;
		} else if (t == T_SEMI) {
			lex_consume(p);
		}
		*tail = n;
		tail = &n->next;
		count++;
		if (t != T_AMP && t != T_COPROC && t != T_SEMI && !(multi && t == T_NL))
			break;
	}
	if (!count) {
		if (required)
			syntax_error_tok(p, p->tok);
		return NULL;
	}
	if (count == 1)
		return head;
	struct node *l = newnode(p, N_LIST, line);
	l->left = head;
	return l;
}

/* Parse a list for $( ... ): up to the closing parenthesis. */
struct node *parse_cmdsub(struct parser *outer)
{
	struct parser p;
	memset(&p, 0, sizeof p);
	p.pool = outer->pool;
	p.depth = outer->depth + 1;
	p.in_cmdsub = 1;
	int line = src_line();
	if (p.depth > QSH_MAX_DEPTH)
		syntax_errorf(line, "syntax error: nesting too deep");
	struct node *n = c_list(&p, 1, 0);
	int t = peek(&p);
	if (t != T_RPAR) {
		if (t == T_EOF)
			syntax_errorf(line, "syntax error: unmatched '('");
		syntax_error_tok(&p, t);
	}
	lex_consume(&p);
	return n;
}

/* Parse a list for ${ ...;} up to the closing brace keyword. */
struct node *parse_funsub(struct parser *outer)
{
	struct parser p;
	memset(&p, 0, sizeof p);
	p.pool = outer->pool;
	p.depth = outer->depth + 1;
	int line = src_line();
	struct node *n = c_list(&p, 1, 0);
	expect_kw(&p, "}", "{", line);
	return n;
}

int parse_last_line;

/* Parse one command line (up to a newline); NULL for an empty line. */
struct node *parse_line(struct pool *pool, int *eof)
{
	struct parser p;
	memset(&p, 0, sizeof p);
	p.pool = pool;
	*eof = 0;
	int t = peek_cmd(&p);
	if (t == T_EOF) {
		*eof = 1;
		return NULL;
	}
	if (t == T_NL) {
		lex_consume(&p);
		return NULL;
	}
	struct node *n = c_list(&p, 0, 1);
	t = peek(&p);
	if (t == T_NL) {
		lex_consume(&p);
		parse_last_line = src_line() - 1;
	} else if (t == T_EOF) {
		lex_consume(&p);
		parse_last_line = src_line();
	} else {
		syntax_error_tok(&p, t);
	}
	return n;
}

/* Parse all of s (a backquote body) as one list. */
struct node *parse_string(struct pool *pool, const char *s, const char *name, int line)
{
	struct parser p;
	memset(&p, 0, sizeof p);
	p.pool = pool;
	src_push_string(s, strlen(s), name, line);
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	if (k) {
		catch_restore(&c);
		catch_pop(&c);
		src_pop();
		unwind(k);
	}
	struct node *n = c_list(&p, 1, 0);
	int t = peek(&p);
	if (t != T_EOF)
		syntax_error_tok(&p, t);
	catch_pop(&c);
	src_pop();
	return n;
}
