/*
 * expand.c - word expansion: tilde, parameter (param.c), command and
 * arithmetic substitution, field splitting with IFS, brace expansion,
 * pathname expansion and quote removal. Results live in the temporary
 * arena.
 */
#include "qsh.h"
#include "shell.h"
#include "expint.h"
#include "lex.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ output */

/* Append quoted text (never split, special characters protected). */
void ex_put_q(struct ex *x, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (x->esc && c && strchr(PAT_SPECIALS, c))
			xs_addc(&x->cur, QC);
		xs_addc(&x->cur, c);
	}
	x->valid = 1;
	x->after_ws = 0;
}

/* Append unquoted literal text (pattern characters stay active). */
void ex_put_u(struct ex *x, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (x->esc && s[i] == QC)
			xs_addc(&x->cur, QC);
		xs_addc(&x->cur, s[i]);
	}
	if (n) {
		x->valid = 1;
		x->after_ws = 0;
	}
}

/* Finish the current field (if it exists or force). */
void ex_end_field(struct ex *x, int force)
{
	if (x->valid || force)
		stv_push(&x->fields, xs_str(&x->cur));
	xs_init(&x->cur);
	x->valid = 0;
}

/*
 * Append the result of an expansion: quoted text as is, unquoted text is
 * split into fields at IFS characters when splitting is on.
 */
void ex_put_exp(struct ex *x, const char *s, int quoted)
{
	if (quoted) {
		ex_put_q(x, s, strlen(s));
		return;
	}
	if (!(x->flags & EXP_SPLIT)) {
		ex_put_u(x, s, strlen(s));
		return;
	}
	const char *ifs = ifs_value();
	for (; *s; s++) {
		char c = *s;
		if (*ifs && strchr(ifs, c)) {
			if (c == ' ' || c == '\t' || c == '\n') {
				if (x->valid) {
					ex_end_field(x, 0);
					x->after_ws = 1;
				}
			} else {
				if (x->after_ws != 1)
					ex_end_field(x, 1);
				x->after_ws = 2;
			}
			continue;
		}
		if (x->after_ws == 2)
			x->after_ws = 0;
		ex_put_u(x, &c, 1);
	}
}

/* ------------------------------------------------------------------ tilde */

/* Home directory for ~user (arena), NULL if unknown. */
char *tilde_lookup(const char *user)
{
	if (!*user) {
		const char *h = var_getstr("HOME");
		return h ? ststrdup(h) : NULL;
	}
	if (!strcmp(user, "+")) {
		const char *h = var_getstr("PWD");
		return h ? ststrdup(h) : NULL;
	}
	if (!strcmp(user, "-")) {
		const char *h = var_getstr("OLDPWD");
		return h ? ststrdup(h) : NULL;
	}
	struct passwd *pw = getpwnam(user);
	if (!pw || !pw->pw_dir)
		return NULL;
	return ststrdup(pw->pw_dir);
}

/*
 * Try a tilde prefix at s (s[0] == '~') in a literal part; the prefix ends
 * at '/', at ':' (assignments) or at the end of the part when nothing
 * follows. Returns the number of bytes consumed (0: not expanded).
 */
static size_t try_tilde(struct ex *x, const char *s, size_t n, int more)
{
	size_t i = 1;
	int colon = (x->flags & EXP_ASSIGN) != 0;
	while (i < n && s[i] != '/' && !(colon && s[i] == ':'))
		i++;
	if (i == n && more)
		return 0;
	char *user = ststrndup(s + 1, i - 1);
	for (char *u = user; *u; u++)
		if (!(c_isalnum((unsigned char)*u) || strchr("._-+", *u)))
			return 0;
	char *home = tilde_lookup(user);
	if (!home)
		return 0;
	ex_put_q(x, home, strlen(home));
	return i;
}

/* Expand an unquoted literal part (tilde rules, '=' and ':' tracking). */
static void ex_lit(struct ex *x, const struct wpart *p, int litsplit)
{
	const char *s = p->s;
	size_t n = p->len, i = 0;
	int tilde = x->flags & (EXP_TILDE | EXP_ASSIGN);
	if (litsplit) {
		if (tilde && x->at_start && n && s[0] == '~') {
			size_t k = try_tilde(x, s, n, p->next != NULL);
			i = k;
		}
		x->at_start = 0;
		ex_put_exp(x, ststrndup(s + i, n - i), 0);
		return;
	}
	while (i < n) {
		if (tilde && s[i] == '~' &&
		    ((i == 0 && x->at_start) || (i > 0 && s[i - 1] == '=' && x->eq_seen == 1) ||
		     (i > 0 && s[i - 1] == ':' && (x->flags & EXP_ASSIGN)))) {
			size_t k = try_tilde(x, s + i, n - i, p->next != NULL);
			if (k) {
				if (x->eq_seen == 1)
					x->eq_seen = 2;
				i += k;
				x->at_start = 0;
				continue;
			}
		}
		if (s[i] == '=' && !x->eq_seen)
			x->eq_seen = 1;
		else if (x->eq_seen == 1)
			x->eq_seen = 2;
		ex_put_u(x, s + i, 1);
		i++;
		x->at_start = 0;
	}
}

/* ------------------------------------------------------------------ parts */

/* Expand the parts p into x; quoted: inside "...". */
void ex_parts(struct ex *x, const struct wpart *p, int quoted, int litsplit)
{
	for (; p; p = p->next) {
		switch (p->type) {
		case WP_LIT:
			if (quoted)
				ex_put_q(x, p->s, p->len);
			else
				ex_lit(x, p, litsplit);
			break;
		case WP_QLIT:
			ex_put_q(x, p->s, p->len);
			x->at_start = 0;
			break;
		case WP_DQ: {
			int before = x->at_empty;
			x->at_empty = 0;
			size_t len0 = x->cur.len;
			size_t nf = x->fields.n;
			ex_parts(x, p->kids, 1, 0);
			if (!x->at_empty || x->cur.len != len0 || x->fields.n != nf)
				x->valid = 1;
			else if (!p->kids)
				x->valid = 1;
			x->at_empty = before;
			x->at_start = 0;
			break;
		}
		case WP_PARAM:
			ex_param(x, p, quoted);
			x->at_start = 0;
			break;
		case WP_CMDSUB:
		case WP_FUNSUB:
		case WP_VALSUB: {
			int st = 0;
			char *out = cmdsub_output(p, &st);
			sh.lastcmdsub = st;
			sh.had_cmdsub = 1;
			ex_put_exp(x, out, quoted);
			x->at_start = 0;
			break;
		}
		case WP_ARITH: {
			char *e = expand_parts_str(p->kids, 0);
			long v = arith_eval_str(e);
			char buf[32];
			snprintf(buf, sizeof buf, "%ld", v);
			ex_put_exp(x, buf, quoted);
			x->at_start = 0;
			break;
		}
		case WP_ARRAY:
			break;
		}
	}
}

/* Expand parts as one string without splitting or globbing (arena). */
char *ex_sub_string(const struct wpart *p, int flags)
{
	struct ex x;
	memset(&x, 0, sizeof x);
	x.flags = flags & (EXP_TILDE | EXP_ASSIGN);
	x.at_start = 1;
	x.join_at = 1;
	ex_parts(&x, p, (flags & EXP_HEREDOC) != 0, 0);
	ex_end_field(&x, 1);
	struct xstr r;
	xs_init(&r);
	for (size_t i = 0; i < x.fields.n; i++) {
		if (i)
			xs_addc(&r, ' ');
		xs_adds(&r, x.fields.v[i]);
	}
	return xs_str(&r);
}

/* Expand parts as a pattern (QC-quoted, not split) (arena). */
char *ex_sub_pattern(const struct wpart *p)
{
	struct ex x;
	memset(&x, 0, sizeof x);
	x.flags = EXP_PAT | EXP_TILDE;
	x.esc = 1;
	x.at_start = 1;
	x.join_at = 1;
	ex_parts(&x, p, 0, 0);
	ex_end_field(&x, 1);
	struct xstr r;
	xs_init(&r);
	for (size_t i = 0; i < x.fields.n; i++) {
		if (i)
			xs_addc(&r, ' ');
		xs_adds(&r, x.fields.v[i]);
	}
	return xs_str(&r);
}

/* ------------------------------------------------------------------ entry points */

/* Post-process one QC-quoted field: braces, globbing, quote removal. */
static void finish_field(char *f, struct stv *out, int flags)
{
	struct stv br;
	stv_init(&br);
	if ((flags & EXP_BRACE) && Flag(O_BRACEEXPAND))
		brace_expand(f, &br);
	else
		stv_push(&br, f);
	for (size_t i = 0; i < br.n; i++) {
		char *g = br.v[i];
		if ((flags & EXP_GLOB) && !Flag(O_NOGLOB) && pat_has_magic(g)) {
			if (glob_expand(g, out))
				continue;
		}
		stv_push(out, pat_unquote(g));
	}
}

/* Expand word w into fields appended to out. */
void expand_word(const struct word *w, struct stv *out, int flags)
{
	struct ex x;
	memset(&x, 0, sizeof x);
	x.flags = flags;
	x.esc = (flags & (EXP_GLOB | EXP_BRACE | EXP_PAT)) != 0;
	x.at_start = 1;
	x.join_at = !(flags & EXP_SPLIT);
	ex_parts(&x, w->parts, 0, 0);
	ex_end_field(&x, 0);
	if (x.join_at && x.fields.n > 1) {
		struct xstr r;
		xs_init(&r);
		for (size_t i = 0; i < x.fields.n; i++) {
			if (i)
				xs_addc(&r, ' ');
			xs_adds(&r, x.fields.v[i]);
		}
		x.fields.n = 1;
		x.fields.v[0] = xs_str(&r);
	}
	for (size_t i = 0; i < x.fields.n; i++) {
		if (x.esc && !(flags & EXP_PAT))
			finish_field(x.fields.v[i], out, flags);
		else
			stv_push(out, x.fields.v[i]);
	}
}

/* Expand every word of a list (full expansion) into out. */
void expand_word_list(const struct word *w, struct stv *out, int flags)
{
	for (; w; w = w->next)
		expand_word(w, out, flags);
}

/* Expand w to one string: no splitting or globbing, quote removal done. */
char *expand_str(const struct word *w, int flags)
{
	if (!w)
		return ststrdup("");
	return ex_sub_string(w->parts, flags);
}

/* Expand w as a pattern (QC-quoted). */
char *expand_pattern(const struct word *w)
{
	return ex_sub_pattern(w ? w->parts : NULL);
}

/* Expand parts (heredoc body, arithmetic text) as a string. */
char *expand_parts_str(const struct wpart *p, int flags)
{
	return ex_sub_string(p, flags);
}

/* Body of a here-document after expansion (arena). */
char *expand_heredoc(const struct redir *r)
{
	if (r->hdtext)
		return ststrdup(r->hdtext);
	return ex_sub_string(r->hdbody, EXP_HEREDOC);
}
