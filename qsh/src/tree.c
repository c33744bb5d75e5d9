/*
 * tree.c - helpers on parse trees and the unparser that turns a tree back
 * into shell text (typeset -f, job command names), in mksh's layout.
 */
#include "qsh.h"
#include "tree.h"
#include "lex.h"
#include "lexint.h"
#include "shell.h"

#include <string.h>

/* True if w is exactly the unquoted literal s. */
int word_is_lit(const struct word *w, const char *s)
{
	return w && w->parts && !w->parts->next && w->parts->type == WP_LIT &&
	       !strcmp(w->parts->s, s);
}

/* The text of a word made only of literal parts (malloc), else NULL. */
char *word_lit(const struct word *w)
{
	struct sbuf b;
	sb_init(&b);
	for (const struct wpart *p = w ? w->parts : NULL; p; p = p->next) {
		if (p->type != WP_LIT && p->type != WP_QLIT) {
			sb_free(&b);
			return NULL;
		}
		sb_addn(&b, p->s, p->len);
	}
	return sb_take(&b);
}

/* Like word_lit, but the text is allocated in pool (no leak on errors). */
char *word_lit_pool(struct pool *pool, const struct word *w)
{
	size_t n = 0;
	for (const struct wpart *p = w ? w->parts : NULL; p; p = p->next) {
		if (p->type != WP_LIT && p->type != WP_QLIT)
			return NULL;
		n += p->len;
	}
	char *s = pool_alloc(pool, n + 1), *q = s;
	for (const struct wpart *p = w ? w->parts : NULL; p; p = p->next) {
		memcpy(q, p->s, p->len);
		q += p->len;
	}
	*q = 0;
	return s;
}

/* True if any part of w is quoted. */
int word_has_quote(const struct word *w)
{
	for (const struct wpart *p = w ? w->parts : NULL; p; p = p->next)
		if (p->type == WP_QLIT || p->type == WP_DQ)
			return 1;
	return 0;
}

static void up_parts(struct sbuf *b, const struct wpart *p, int indq);

static void up_dq_text(struct sbuf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strchr("\"$\\`", s[i]) && s[i])
			sb_addc(b, '\\');
		sb_addc(b, s[i]);
	}
}

static const char *const popnames[] = {"",  "-",  "=",  "?",  "+", "#",  "##", "%",  "%%",
                                       "/", "//", "/#", "/%", ":", "@Q", "@#", "@^", "@/"};

static void up_param(struct sbuf *b, const struct wpart *p)
{
	if (p->op == 0xff) {
		sb_addn(b, p->s, p->len);
		return;
	}
	if (!(p->flags & PF_BRACED) && !p->op) {
		sb_addc(b, '$');
		sb_adds(b, p->s);
		return;
	}
	sb_adds(b, "${");
	if (p->flags & PF_LENGTH)
		sb_addc(b, '#');
	if (p->flags & PF_INDIRECT)
		sb_addc(b, '!');
	if (p->flags & PF_WIDTH)
		sb_addc(b, '%');
	sb_adds(b, p->s);
	if (p->flags & PF_SUBAT)
		sb_adds(b, "[@]");
	else if (p->flags & PF_SUBSTAR)
		sb_adds(b, "[*]");
	else if (p->flags & PF_SUBSCR) {
		sb_addc(b, '[');
		up_parts(b, p->kids, 0);
		sb_addc(b, ']');
	}
	if (p->op == P_SUBSTR) {
		sb_adds(b, ": "); /* mksh prints the substring operator so */
		up_parts(b, p->arg, 0);
		if (p->flags & PF_HASLEN) {
			sb_addc(b, ':');
			up_parts(b, p->arg2, 0);
		}
	} else if (p->op) {
		if (p->flags & PF_COLON)
			sb_addc(b, ':');
		sb_adds(b, popnames[p->op]);
		if (p->op < P_ATQ || p->op == P_ATSUB)
			up_parts(b, p->arg, 0);
		if (p->op >= P_SUB1 && p->op <= P_SUBEND && !(p->flags & PF_NOREP)) {
			sb_addc(b, '/');
			up_parts(b, p->arg2, 0);
		}
		if (p->op == P_ATSUB && !(p->flags & PF_NOREP)) {
			sb_addc(b, '/');
			up_parts(b, p->arg2, 0);
		}
	}
	sb_addc(b, '}');
}

static void up_parts(struct sbuf *b, const struct wpart *p, int indq)
{
	for (; p; p = p->next) {
		switch (p->type) {
		case WP_LIT:
			sb_addn(b, p->s, p->len);
			break;
		case WP_QLIT:
			if (indq) {
				up_dq_text(b, p->s, p->len);
			} else if (p->len == 1 && !strchr("\"\\`$", p->s[0])) {
				sb_addc(b, '\\');
				sb_addc(b, p->s[0]);
			} else {
				sb_addc(b, '"');
				up_dq_text(b, p->s, p->len);
				sb_addc(b, '"');
			}
			break;
		case WP_DQ:
			if (!indq)
				sb_addc(b, '"');
			up_parts(b, p->kids, 1);
			if (!indq)
				sb_addc(b, '"');
			break;
		case WP_PARAM:
			up_param(b, p);
			break;
		case WP_CMDSUB:
		case WP_FUNSUB:
		case WP_VALSUB: {
			sb_adds(b, p->type == WP_CMDSUB   ? "$("
			           : p->type == WP_FUNSUB ? "${ "
			                                  : "${|");
			struct sbuf t;
			sb_init(&t);
			unparse_node(&t, p->cmd, -1);
			if (t.len)
				sb_addn(b, t.s, t.len);
			sb_free(&t);
			sb_adds(b, p->type == WP_CMDSUB ? ")" : ";}");
			break;
		}
		case WP_ARITH:
			sb_adds(b, "$((");
			up_parts(b, p->kids, 1);
			sb_adds(b, "))");
			break;
		case WP_ARRAY:
			sb_addc(b, '(');
			for (const struct word *w = p->list; w; w = w->next) {
				up_parts(b, w->parts, 0);
				if (w->next)
					sb_addc(b, ' ');
			}
			sb_addc(b, ')');
			break;
		}
	}
}

/* Append the shell text of word w. */
void unparse_word(struct sbuf *b, const struct word *w)
{
	if (w)
		up_parts(b, w->parts, 0);
}

static void indent_to(struct sbuf *b, int ind)
{
	for (int i = 0; i < ind; i++)
		sb_addc(b, '\t');
}

/* Append redirections; here-document bodies follow if hdoc. */
void unparse_redirs(struct sbuf *b, const struct redir *r, int hdoc)
{
	(void)hdoc;
	for (; r; r = r->next) {
		char buf[16];
		int deffd = (r->op == R_IN || r->op == R_RDWR || r->op == R_DUPIN ||
		             r->op == R_HERE || r->op == R_HERESTR)
		                    ? 0
		                    : 1;
		if (r->fd >= 0 && r->fd != deffd)
			sb_printf(b, "%d", r->fd);
		sb_adds(b, redir_opname(r, buf, sizeof buf));
		unparse_word(b, r->target);
		sb_addc(b, ' ');
	}
}

static void up_heredocs(struct sbuf *b, const struct redir *r)
{
	for (; r; r = r->next) {
		if (r->op != R_HERE)
			continue;
		sb_addc(b, '\n');
		if (r->hdtext)
			sb_adds(b, r->hdtext);
		else
			up_parts(b, r->hdbody, 2);
		sb_adds(b, r->hdmark ? r->hdmark : "EOF");
		sb_addc(b, '\n');
	}
}

static void up_list(struct sbuf *b, const struct node *n, int ind);

/* Could the word be an alias name (mksh then prints it with a backslash)? */
static int alias_like(const struct word *w)
{
	if (!w->parts || w->parts->next || w->parts->type != WP_LIT || !w->parts->len)
		return 0;
	for (const char *s = w->parts->s; *s; s++)
		if (!c_isalnum((unsigned char)*s) && !strchr("!%+,-.:@[]_", *s))
			return 0;
	return 1;
}

static void up_words(struct sbuf *b, const struct word *w, int cmdname)
{
	for (; w; w = w->next) {
		if (cmdname && alias_like(w))
			sb_addc(b, '\\');
		cmdname = 0;
		unparse_word(b, w);
		sb_addc(b, ' ');
	}
}

static void up_cmd(struct sbuf *b, const struct node *n, int ind)
{
	if (!n)
		return;
	int oneline = ind < 0;
	int in2 = oneline ? -1 : ind + 1;
	switch (n->type) {
	case N_SIMPLE:
		up_words(b, n->assigns, 0);
		up_words(b, n->words, 1);
		unparse_redirs(b, n->redirs, 0);
		up_heredocs(b, n->redirs);
		return;
	case N_PIPE:
		if (n->flags & NF_NEGATE)
			sb_adds(b, "! ");
		for (const struct node *k = n->left; k; k = k->next) {
			up_cmd(b, k, ind);
			if (k->next)
				sb_adds(b, "| ");
		}
		return;
	case N_LIST:
		up_list(b, n, ind);
		return;
	case N_AND:
	case N_OR:
		up_cmd(b, n->left, ind);
		sb_adds(b, n->type == N_AND ? "&& " : "|| ");
		up_cmd(b, n->right, ind);
		return;
	case N_ASYNC:
	case N_COPROC:
		up_cmd(b, n->left, ind);
		sb_adds(b, n->type == N_ASYNC ? "& " : "|& ");
		return;
	case N_SUBSHELL:
		sb_adds(b, "( ");
		up_list(b, n->left, -1);
		sb_adds(b, ") ");
		break;
	case N_BRACE:
		sb_adds(b, "{");
		up_list(b, n->left, in2);
		if (!oneline) {
			sb_addc(b, '\n');
			indent_to(b, ind);
		} else
			sb_addc(b, ' ');
		sb_adds(b, "} ");
		break;
	case N_IF: {
		const struct node *x = n;
		sb_adds(b, "if ");
		for (;;) {
			up_list(b, x->left, -1);
			if (!oneline) {
				sb_addc(b, '\n');
				indent_to(b, ind);
			}
			sb_adds(b, "then");
			up_list(b, x->right, in2);
			if (!x->third)
				break;
			if (!oneline) {
				sb_addc(b, '\n');
				indent_to(b, ind);
			} else
				sb_addc(b, ' ');
			if (x->third->type == N_IF && (x->third->flags & NF_ELIF)) {
				sb_adds(b, "elif ");
				x = x->third;
				continue;
			}
			sb_adds(b, "else");
			up_list(b, x->third, in2);
			break;
		}
		if (!oneline) {
			sb_addc(b, '\n');
			indent_to(b, ind);
		} else
			sb_addc(b, ' ');
		sb_adds(b, "fi ");
		break;
	}
	case N_WHILE:
	case N_UNTIL:
		sb_adds(b, n->type == N_WHILE ? "while " : "until ");
		up_list(b, n->left, -1);
		goto dobody;
	case N_FOR:
	case N_SELECT:
		sb_adds(b, n->type == N_FOR ? "for " : "select ");
		sb_adds(b, n->str);
		if (n->flags & NF_HASIN) {
			sb_adds(b, " in ");
			for (const struct word *w = n->words; w; w = w->next) {
				unparse_word(b, w);
				sb_addc(b, ' ');
			}
		} else
			sb_addc(b, ' ');
	dobody:
		if (!oneline) {
			sb_addc(b, '\n');
			indent_to(b, ind);
		}
		sb_adds(b, "do");
		up_list(b, n->right, in2);
		if (!oneline) {
			sb_addc(b, '\n');
			indent_to(b, ind);
		} else
			sb_addc(b, ' ');
		sb_adds(b, "done ");
		break;
	case N_CASE:
		sb_adds(b, "case ");
		unparse_word(b, n->words);
		sb_adds(b, " in");
		for (const struct caseitem *ci = n->items; ci; ci = ci->next) {
			if (!oneline) {
				sb_addc(b, '\n');
				indent_to(b, ind);
			} else
				sb_addc(b, ' ');
			sb_addc(b, '(');
			for (const struct word *w = ci->pats; w; w = w->next) {
				unparse_word(b, w);
				if (w->next)
					sb_addc(b, '|');
			}
			sb_addc(b, ')');
			up_list(b, ci->body, in2);
			if (!oneline) {
				sb_addc(b, '\n');
				indent_to(b, ind + 1);
			} else
				sb_addc(b, ' ');
			sb_adds(b, ci->term == CT_BREAK ? ";;" : ci->term == CT_FALL ? ";&" : ";|");
		}
		if (!oneline) {
			sb_addc(b, '\n');
			indent_to(b, ind);
		} else
			sb_addc(b, ' ');
		sb_adds(b, "esac ");
		break;
	case N_FUNC:
		if (n->flags & NF_KSHFUNC) {
			sb_adds(b, "function ");
			sb_adds(b, n->str);
			sb_addc(b, ' ');
		} else {
			sb_adds(b, n->str);
			sb_adds(b, "() ");
		}
		up_cmd(b, n->left, ind);
		return;
	case N_DBRACK:
		sb_adds(b, "[[ ");
		up_cmd(b, n->left, -1);
		sb_adds(b, "]] ");
		break;
	case DB_AND:
	case DB_OR:
		up_cmd(b, n->left, -1);
		sb_adds(b, n->type == DB_AND ? "&& " : "|| ");
		up_cmd(b, n->right, -1);
		return;
	case DB_NOT:
		sb_adds(b, "! ");
		up_cmd(b, n->left, -1);
		return;
	case DB_PAREN:
		sb_adds(b, "( ");
		up_cmd(b, n->left, -1);
		sb_adds(b, ") ");
		return;
	case DB_UNARY:
		sb_adds(b, n->str);
		sb_addc(b, ' ');
		unparse_word(b, n->words);
		sb_addc(b, ' ');
		return;
	case DB_BINARY:
		unparse_word(b, n->words);
		sb_addc(b, ' ');
		sb_adds(b, n->str);
		sb_addc(b, ' ');
		unparse_word(b, n->words->next);
		sb_addc(b, ' ');
		return;
	case DB_WORD:
		unparse_word(b, n->words);
		sb_addc(b, ' ');
		return;
	case N_ARITH:
		sb_adds(b, "(( ");
		unparse_word(b, n->words);
		sb_adds(b, " )) ");
		break;
	case N_TIME:
		sb_adds(b, "time ");
		if (n->flags & NF_TIMEP)
			sb_adds(b, "-p ");
		up_cmd(b, n->left, ind);
		return;
	}
	unparse_redirs(b, n->redirs, 0);
	up_heredocs(b, n->redirs);
}

/* A list: each element on its own line at ind (or "; "-separated if ind < 0). */
static void up_list(struct sbuf *b, const struct node *n, int ind)
{
	if (!n)
		return;
	const struct node *k = n->type == N_LIST ? n->left : n;
	for (; k; k = k->next) {
		if (ind >= 0) {
			sb_addc(b, '\n');
			indent_to(b, ind);
		}
		up_cmd(b, k, ind);
		if (ind < 0 && k->next && k->type != N_ASYNC && k->type != N_COPROC)
			sb_adds(b, "; ");
		if (n->type != N_LIST)
			break;
	}
}

/* Append the text of command n; indent < 0 gives a single line. */
void unparse_node(struct sbuf *b, const struct node *n, int indent)
{
	if (!n)
		return;
	if (indent < 0)
		up_list(b, n, -1);
	else {
		indent_to(b, indent);
		up_cmd(b, n, indent);
	}
}

/* One-line text of a command for job listings (no trailing blank). */
void unparse_short(struct sbuf *b, const struct node *n)
{
	size_t start = b->len;
	up_list(b, n, -1);
	while (b->len > start && b->s[b->len - 1] == ' ')
		b->len--;
	if (b->s)
		b->s[b->len] = 0;
}
