/*
 * param.c - parameter expansion: special and positional parameters,
 * variables and array elements, and every ${...} operator (defaults,
 * assignment, errors, alternatives, length, trimming, substitution,
 * substrings, @Q @# @^).
 */
#include "qsh.h"
#include "shell.h"
#include "expint.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct pv {
	int multi; /* "$@"-like list */
	int star;  /* joined list ($*, [*]) */
	char **v;
	size_t n;
	const char *s; /* scalar value, NULL: unset */
};

static _Noreturn void bad_subst(const struct wpart *p)
{
	const char *raw = p->raw ? p->raw : "${}";
	if (p->op == P_SUBSTR) {
		/* mksh prints the substring operator as ": " */
		const char *c = strchr(raw + 2, ':');
		if (c && c[1] != '}') {
			struct xstr x;
			xs_init(&x);
			xs_addn(&x, raw, (size_t)(c - raw) + 1);
			xs_addc(&x, ' ');
			xs_adds(&x, c + 1);
			raw = xs_str(&x);
		}
	}
	errorf("%s: bad substitution", raw);
	abort();
}

static char *num_str(long v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", v);
	return ststrdup(buf);
}

/* Elements of array v in index order (arena). */
static void array_values(struct var *v, struct pv *pv)
{
	pv->multi = 1;
	pv->n = 0;
	pv->v = NULL;
	if (!v)
		return;
	if ((v->flags & V_SPECIAL) && !v->n) {
		const char *s = var_elem(v, 0);
		if (s) {
			pv->v = stalloc(2 * sizeof *pv->v);
			pv->v[0] = ststrdup(s);
			pv->n = 1;
		}
		return;
	}
	pv->v = stalloc((v->n + 1) * sizeof *pv->v);
	for (size_t i = 0; i < v->n; i++)
		pv->v[pv->n++] = v->el[i].val;
}

/* Name used in "parameter not set" messages. */
static char *param_label(const struct wpart *p)
{
	if (p->flags & (PF_SUBAT | PF_SUBSTAR)) {
		struct xstr x;
		xs_init(&x);
		xs_adds(&x, p->s);
		xs_adds(&x, (p->flags & PF_SUBAT) ? "[@]" : "[*]");
		return xs_str(&x);
	}
	return p->s;
}

/* Fetch the value(s) of the parameter named by p. */
static void get_value(const struct wpart *p, struct pv *pv)
{
	memset(pv, 0, sizeof *pv);
	const char *n = p->s;
	if (c_isdigit((unsigned char)n[0])) {
		long i = strtol(n, NULL, 10);
		if (i == 0)
			pv->s = sh.kshname;
		else if (i <= sh.posc)
			pv->s = sh.posv[i - 1];
		return;
	}
	if (!n[1] && !is_name_start((unsigned char)n[0])) {
		switch (n[0]) {
		case '@':
		case '*':
			pv->multi = 1;
			pv->star = n[0] == '*';
			pv->v = sh.posv;
			pv->n = (size_t)sh.posc;
			return;
		case '#':
			pv->s = num_str(sh.posc);
			return;
		case '?':
			pv->s = num_str(sh.status);
			return;
		case '$':
			pv->s = num_str(sh.rootpid);
			return;
		case '!':
			if (sh.lastbg)
				pv->s = num_str(sh.lastbg);
			return;
		case '-':
			pv->s = ststrdup(opt_dollar_minus());
			return;
		}
		return;
	}
	struct var *v = var_lookup(n);
	if (p->flags & (PF_SUBAT | PF_SUBSTAR)) {
		array_values(v, pv);
		pv->star = (p->flags & PF_SUBSTAR) != 0;
		return;
	}
	uint32_t idx = 0;
	if (p->flags & PF_SUBSCR) {
		char *sub = ex_sub_string(p->kids, 0);
		idx = (uint32_t)arith_eval_str(sub);
	}
	pv->s = var_elem(v, idx);
}

/* Does the value count as set (non-empty with ':')? */
static int is_set(const struct pv *pv, int colon)
{
	if (pv->multi) {
		if (!pv->n)
			return 0;
		if (colon && pv->n == 1 && !*pv->v[0])
			return 0;
		return 1;
	}
	if (!pv->s)
		return 0;
	return !colon || *pv->s;
}

/* Emit value(s) into the expansion. */
static void put_value(struct ex *x, const struct pv *pv, int quoted)
{
	if (!pv->multi) {
		if (pv->s)
			ex_put_exp(x, pv->s, quoted);
		return;
	}
	if (pv->star && (quoted || !(x->flags & EXP_SPLIT))) {
		const char *ifs = var_lookup("IFS") ? var_getstr("IFS") : " ";
		if (!ifs)
			ifs = " ";
		struct xstr j;
		xs_init(&j);
		for (size_t i = 0; i < pv->n; i++) {
			if (i && *ifs)
				xs_addc(&j, *ifs);
			xs_adds(&j, pv->v[i]);
		}
		char *s = xs_str(&j);
		if (quoted)
			ex_put_q(x, s, j.len);
		else
			ex_put_u(x, s, j.len);
		return;
	}
	if (!pv->n) {
		x->at_empty = 1;
		return;
	}
	for (size_t i = 0; i < pv->n; i++) {
		if (i)
			ex_end_field(x, quoted);
		ex_put_exp(x, pv->v[i], quoted);
	}
}

/* Remove the shortest/longest prefix/suffix matching pat. */
static char *trim(const char *s, const char *pat, int op)
{
	size_t n = strlen(s);
	switch (op) {
	case P_TRIMS:
		for (size_t i = 0; i <= n; i++)
			if (pat_match_n(pat, s, i))
				return ststrdup(s + i);
		break;
	case P_TRIML:
		for (size_t i = n + 1; i-- > 0;)
			if (pat_match_n(pat, s, i))
				return ststrdup(s + i);
		break;
	case P_RTRIMS:
		for (size_t i = n + 1; i-- > 0;)
			if (pat_match(pat, s + i))
				return ststrndup(s, i);
		break;
	case P_RTRIML:
		for (size_t i = 0; i <= n; i++)
			if (pat_match(pat, s + i))
				return ststrndup(s, i);
		break;
	}
	return ststrdup(s);
}

/* ${x/pat/rep} and friends. */
static char *substitute(const char *s, const char *pat, const char *rep, int op)
{
	size_t n = strlen(s);
	struct xstr r;
	xs_init(&r);
	if (op == P_SUBBEG) {
		for (size_t j = n + 1; j-- > 0;)
			if (pat_match_n(pat, s, j)) {
				xs_adds(&r, rep);
				xs_adds(&r, s + j);
				return xs_str(&r);
			}
		return ststrdup(s);
	}
	if (op == P_SUBEND) {
		for (size_t i = 0; i <= n; i++)
			if (pat_match(pat, s + i)) {
				xs_addn(&r, s, i);
				xs_adds(&r, rep);
				return xs_str(&r);
			}
		return ststrdup(s);
	}
	if (!*pat)
		return ststrdup(s);
	size_t i = 0;
	int done = 0;
	while (i <= n) {
		size_t found = (size_t)-1;
		if (!done)
			for (size_t j = n + 1; j-- > i;)
				if (pat_match_n(pat, s + i, j - i)) {
					found = j;
					break;
				}
		if (found != (size_t)-1) {
			xs_adds(&r, rep);
			if (found == i) {
				xs_adds(&r, s + i);
				return xs_str(&r);
			}
			i = found;
			if (op == P_SUB1)
				done = 1;
			continue;
		}
		if (i < n)
			xs_addc(&r, s[i]);
		i++;
	}
	return xs_str(&r);
}

/* ${x:off:len} on a scalar. */
static char *substr(const struct wpart *p, const char *s)
{
	char *offs = ex_sub_string(p->arg, 0);
	const char *q = offs;
	while (*q == ' ' || *q == '\t')
		q++;
	if (!*q)
		bad_subst(p);
	long n = (long)strlen(s);
	long off = arith_eval_str(offs);
	if (off < 0) {
		off += n;
		if (off < 0)
			off = 0;
	}
	if (off > n)
		return ststrdup("");
	long len = n - off;
	if (p->flags & PF_HASLEN) {
		char *ls = ex_sub_string(p->arg2, 0);
		if (strchr(ls, ':'))
			bad_subst(p);
		long l = arith_eval_str(ls);
		if (l >= 0 && l < len)
			len = l;
	}
	return ststrndup(s + off, (size_t)len);
}

/* mksh's BAFH hash of s, for ${x@#}. */
static uint32_t bafh(const char *s)
{
	uint32_t h = 1;
	for (; *s; s++) {
		h += (unsigned char)*s;
		h += h << 10;
		h ^= h >> 6;
	}
	h += h << 10;
	h ^= h >> 6;
	h += h << 3;
	h ^= h >> 11;
	h += h << 15;
	return h;
}

/* Caret notation for ${x@^}. */
static char *caret(const char *s)
{
	struct xstr r;
	xs_init(&r);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '^' || c == '\\') {
			xs_addc(&r, '\\');
			xs_addc(&r, c);
		} else if (c < 32 || c == 127) {
			xs_addc(&r, '^');
			xs_addc(&r, c == 127 ? '?' : c + 64);
		} else {
			xs_addc(&r, c);
		}
	}
	return xs_str(&r);
}

/* Expand one parameter part p into x. */
void ex_param(struct ex *x, const struct wpart *p, int quoted)
{
	if (p->op == 0xff)
		bad_subst(p);
	struct pv pv;
	if (p->flags & PF_INDIRECT) {
		if (p->flags & (PF_SUBAT | PF_SUBSTAR)) {
			struct var *v = var_lookup(p->s);
			memset(&pv, 0, sizeof pv);
			pv.multi = 1;
			pv.star = (p->flags & PF_SUBSTAR) != 0;
			if (v) {
				pv.v = stalloc((v->n + 1) * sizeof *pv.v);
				for (size_t i = 0; i < v->n; i++)
					pv.v[pv.n++] = num_str((long)v->el[i].idx);
			}
			put_value(x, &pv, quoted);
			return;
		}
		const char *name = p->s;
		for (int hops = 0; hops < 32; hops++) {
			struct var *v = NULL;
			for (struct scope *sc = scope_top; sc && !v; sc = scope_up(sc))
				v = var_lookup_scope(sc, name);
			if (!v || !(v->flags & V_NAMEREF) || !v->n)
				break;
			name = v->el[0].val;
		}
		ex_put_exp(x, name, quoted);
		return;
	}
	get_value(p, &pv);
	int special_name = !is_name_start((unsigned char)p->s[0]);
	if (p->flags & PF_LENGTH) {
		if (pv.multi && !pv.n && Flag(O_NOUNSET))
			errorf("%s: parameter not set", param_label(p));
		if (pv.multi) {
			ex_put_exp(x, num_str((long)pv.n), quoted);
			return;
		}
		if (!pv.s && Flag(O_NOUNSET))
			errorf("%s: parameter not set", param_label(p));
		ex_put_exp(x, num_str(pv.s ? (long)strlen(pv.s) : 0), quoted);
		return;
	}
	if (p->flags & PF_WIDTH) {
		long w = 0;
		for (const char *s = pv.s ? pv.s : ""; *s; s++) {
			if ((unsigned char)*s < 32 || *s == 127) {
				w = -1;
				break;
			}
			w++;
		}
		ex_put_exp(x, num_str(w), quoted);
		return;
	}
	int colon = (p->flags & PF_COLON) != 0;
	switch (p->op) {
	case P_NONE:
		if (Flag(O_NOUNSET) && !is_set(&pv, 0) && !(p->s[0] == '@' || p->s[0] == '*') &&
		    !(pv.multi && !(p->flags & (PF_SUBAT | PF_SUBSTAR))))
			errorf("%s: parameter not set", param_label(p));
		put_value(x, &pv, quoted);
		return;
	case P_MINUS:
		if (is_set(&pv, colon)) {
			put_value(x, &pv, quoted);
		} else {
			x->at_start = 1;
			ex_parts(x, p->arg, quoted, !quoted);
		}
		return;
	case P_PLUS:
		if (is_set(&pv, colon)) {
			x->at_start = 1;
			ex_parts(x, p->arg, quoted, !quoted);
		}
		return;
	case P_ASSIGN:
		if (is_set(&pv, colon)) {
			put_value(x, &pv, quoted);
			return;
		}
		if (special_name || pv.multi || c_isdigit((unsigned char)p->s[0]))
			bad_subst(p);
		{
			char *val = ex_sub_string(p->arg, EXP_TILDE);
			struct var *v = var_need(p->s);
			uint32_t idx = 0;
			if (p->flags & PF_SUBSCR)
				idx = (uint32_t)arith_eval_str(ex_sub_string(p->kids, 0));
			var_assign(v, idx, val, 0);
			ex_put_exp(x, val, quoted);
		}
		return;
	case P_QUEST:
		if (is_set(&pv, colon)) {
			put_value(x, &pv, quoted);
			return;
		}
		{
			char *msg = p->arg ? ex_sub_string(p->arg, EXP_TILDE) : NULL;
			if (!msg || (!*msg && !p->arg))
				msg = "parameter null or not set";
			errorf("%s: %s", param_label(p), msg);
		}
	}
	/* the remaining operators work on scalars only */
	if (pv.multi)
		bad_subst(p);
	if (!pv.s && Flag(O_NOUNSET))
		errorf("%s: parameter not set", param_label(p));
	const char *s = pv.s ? pv.s : "";
	char *r;
	switch (p->op) {
	case P_TRIMS:
	case P_TRIML:
	case P_RTRIMS:
	case P_RTRIML:
		r = trim(s, ex_sub_pattern(p->arg), p->op);
		break;
	case P_SUB1:
	case P_SUBALL:
	case P_SUBBEG:
	case P_SUBEND:
	case P_ATSUB: {
		char *pat = ex_sub_pattern(p->arg);
		char *rep = (p->flags & PF_NOREP) ? "" : ex_sub_string(p->arg2, 0);
		r = substitute(s, pat, rep, p->op == P_ATSUB ? P_SUBALL : p->op);
		break;
	}
	case P_SUBSTR:
		r = substr(p, s);
		break;
	case P_ATQ: {
		/* mksh: with control characters it is $'...' around the raw text */
		int ctl = 0;
		for (const char *c = s; *c; c++)
			if ((unsigned char)*c < 32 || *c == 127)
				ctl = 1;
		if (ctl) {
			r = xs_cat2(xs_cat2("$'", s), "'");
		} else {
			char *q = str_quote(s);
			r = ststrdup(q);
			free(q);
		}
		break;
	}
	case P_ATHASH: {
		char buf[16];
		snprintf(buf, sizeof buf, "%08X", bafh(s));
		r = ststrdup(buf);
		break;
	}
	case P_ATCARET:
		r = caret(s);
		break;
	default:
		bad_subst(p);
	}
	ex_put_exp(x, r, quoted || p->op == P_ATQ); /* mksh does not split @Q */
}
