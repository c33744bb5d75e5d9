/*
 * parse_db.c - parsing [[ ]] expressions into DB_* trees: unary and binary
 * tests, !, ( ), && and ||, with mksh's error messages.
 */
#include "qsh.h"
#include "lex.h"
#include "lexint.h"
#include "shell.h"

#include <string.h>

/* ------------------------------------------------------------------ [[ ]] */

static const char *const unops[] = {"-a", "-b", "-c", "-d", "-e", "-f", "-G", "-g", "-H",
                                    "-h", "-k", "-L", "-O", "-o", "-p", "-r", "-S", "-s",
                                    "-t", "-u", "-v", "-w", "-x", "-n", "-z", NULL};
static const char *const binops[] = {"=",   "==",  "!=",  "<",   ">",   "-eq", "-ne", "-lt",
                                     "-le", "-gt", "-ge", "-nt", "-ot", "-ef", NULL};

/* Index of w in the list if it is an unquoted literal member, else -1. */
static int lit_in(const struct word *w, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (word_is_lit(w, list[i]))
			return i;
	return -1;
}

static _Noreturn void db_error(struct parser *p, int t)
{
	char buf[256];
	const char *n = tok_name(t, p, buf, sizeof buf);
	if (!n)
		syntax_errorf(src_line(), "syntax error: unexpected EOF");
	syntax_errorf(p->tokline, "syntax error: unexpected operator/operand '%s'", n);
}

static struct node *db_or(struct parser *p);

/* Next [[ token; EOF inside [[ is reported as such. */
static int db_next(struct parser *p)
{
	int t = lex_next(p);
	if (t == T_EOF)
		syntax_errorf(src_line(), "syntax error: unexpected EOF");
	return t;
}

static struct node *db_primary(struct parser *p)
{
	int t = db_next(p);
	int line = p->tokline;
	if (t == T_LPAR) {
		struct node *n = newnode(p, DB_PAREN, line);
		enter(p);
		n->left = db_or(p);
		p->depth--;
		t = db_next(p);
		if (t != T_RPAR)
			db_error(p, t);
		return n;
	}
	if (t != T_WORD || word_is_lit(p->word, "]]"))
		db_error(p, t);
	struct word *w = p->word;
	if (word_is_lit(w, "!")) {
		struct node *n = newnode(p, DB_NOT, line);
		enter(p);
		n->left = db_primary(p);
		p->depth--;
		return n;
	}
	int u = lit_in(w, unops);
	if (u >= 0) {
		t = peek(p);
		if (t == T_WORD && lit_in(p->word, binops) >= 0 && !word_is_lit(p->word, "]]")) {
			/* "-a = x": the operator is an operand */
		} else {
			t = db_next(p);
			if (t != T_WORD)
				db_error(p, t);
			struct node *n = newnode(p, DB_UNARY, line);
			n->str = (char *)unops[u];
			n->words = p->word;
			return n;
		}
	}
	t = peek(p);
	if (t == T_NL)
		db_error(p, t);
	if (t == T_WORD) {
		int b = lit_in(p->word, binops);
		if (b >= 0) {
			lex_consume(p);
			t = db_next(p);
			if (t != T_WORD)
				db_error(p, t);
			struct node *n = newnode(p, DB_BINARY, line);
			n->str = (char *)binops[b];
			n->words = w;
			w->next = p->word;
			return n;
		}
	}
	struct node *n = newnode(p, DB_WORD, line);
	n->words = w;
	return n;
}

/* Peek past newlines (allowed between [[ ]] expressions). */
static int db_peek_nl(struct parser *p)
{
	while (peek(p) == T_NL)
		lex_consume(p);
	return p->tok;
}

static struct node *db_and(struct parser *p)
{
	struct node *l = db_primary(p);
	while (db_peek_nl(p) == T_ANDAND) {
		lex_consume(p);
		struct node *n = newnode(p, DB_AND, p->tokline);
		n->left = l;
		n->right = db_primary(p);
		l = n;
	}
	return l;
}

static struct node *db_or(struct parser *p)
{
	struct node *l = db_and(p);
	while (db_peek_nl(p) == T_OROR) {
		lex_consume(p);
		struct node *n = newnode(p, DB_OR, p->tokline);
		n->left = l;
		n->right = db_and(p);
		l = n;
	}
	return l;
}

/* [[ expression ]] after the [[ keyword. */
struct node *dbracket(struct parser *p, int line)
{
	struct node *n = newnode(p, N_DBRACK, line);
	p->dbrack = 1;
	n->left = db_or(p);
	db_peek_nl(p);
	int t = db_next(p);
	if (t != T_WORD || !word_is_lit(p->word, "]]"))
		db_error(p, t);
	p->dbrack = 0;
	return n;
}
