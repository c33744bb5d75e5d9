/*
 * lexparam.c - parsing ${...}: names, special and positional parameters,
 * subscripts, the #/!/% prefixes, every operator, ${ ...;} and ${|...;},
 * and "bad substitution" placeholders (reported when expanded, as mksh).
 */
#include "qsh.h"
#include "lex.h"
#include "lexint.h"
#include "shell.h"

#include <string.h>

/* Is c a special parameter name character? */
static int is_special_param(int c)
{
	return c >= 0 && strchr("#?$!-*@0123456789", c) && c;
}

/* Read the rest of a bad ${...} up to the closing brace for the message. */
static struct wpart *bad_subst(struct parser *p, struct xstr *raw)
{
	int c;
	while ((c = lgetc()) >= 0) {
		xs_addc(raw, c);
		if (c == '}')
			break;
	}
	if (c < 0)
		no_closing_quote();
	struct wpart *w = newpart(p, WP_PARAM);
	w->op = 0xff;
	w->s = pool_strndup(p->pool, xs_str(raw), raw->len);
	w->len = raw->len;
	return w;
}

/* ${ ... } after the brace. */
static struct wpart *read_braced_inner(struct parser *p, int dq)
{
	struct xstr raw, name;
	xs_init(&raw);
	xs_init(&name);
	xs_adds(&raw, "${");
	int c = lgetc();
	if (c == ' ' || c == '\t' || c == '\n' || c == '|') {
		struct wpart *w = newpart(p, c == '|' ? WP_VALSUB : WP_FUNSUB);
		w->cmd = parse_funsub(p);
		return w;
	}
	struct wpart *w = newpart(p, WP_PARAM);
	w->flags |= PF_BRACED;
	if (c == '#' || c == '!' || c == '%') {
		int d = lgetc();
		int e = lgetc();
		lungetc(e);
		lungetc(d);
		/* "${#-x}": an operator on $# / $!, but "${#-}" is the length of $- */
		int op = d >= 0 && strchr("-=?+", d) && d && e != '}';
		if (d != '}' && !op && (is_name_start(d) || is_special_param(d))) {
			w->flags |= c == '#' ? PF_LENGTH : c == '!' ? PF_INDIRECT : PF_WIDTH;
			xs_addc(&raw, c);
			c = lgetc();
		}
	}
	if (is_name_start(c)) {
		while (is_name_char(c)) {
			xs_addc(&name, c);
			c = lgetc();
		}
	} else if (c >= '0' && c <= '9') {
		while (c >= '0' && c <= '9') {
			xs_addc(&name, c);
			c = lgetc();
		}
	} else if (is_special_param(c)) {
		xs_addc(&name, c);
		c = lgetc();
	} else {
		lungetc(c);
		return bad_subst(p, &raw);
	}
	xs_addn(&raw, name.s, name.len);
	w->s = pool_strndup(p->pool, xs_str(&name), name.len);
	w->len = name.len;
	if (c == '[' && is_name_start((unsigned char)w->s[0])) {
		int d = lgetc();
		int e = lgetc();
		if ((d == '@' || d == '*') && e == ']') {
			w->flags |= d == '@' ? PF_SUBAT : PF_SUBSTAR;
		} else {
			lungetc(e);
			lungetc(d);
			w->flags |= PF_SUBSCR;
			w->kids = read_parts(p, LM_SUBSCR);
		}
		c = lgetc();
	}
	if (c == '}')
		return w;
	if (c < 0)
		no_closing_quote();
	if (w->flags & (PF_LENGTH | PF_INDIRECT | PF_WIDTH)) {
		lungetc(c);
		return bad_subst(p, &raw);
	}
	int mode = dq ? LM_PWORD_DQ : LM_PWORD;
	if (c == ':') {
		int d = lgetc();
		if (d >= 0 && strchr("-=?+", d)) {
			w->flags |= PF_COLON;
			c = d;
		} else {
			lungetc(d);
			w->op = P_SUBSTR;
			w->arg = read_parts(p, LM_SUBSTR);
			c = lgetc(); /* ':' or '}' */
			if (c == ':') {
				w->flags |= PF_HASLEN;
				w->arg2 = read_parts(p, LM_SUBSTRLEN);
				lgetc();
			}
			return w;
		}
	}
	switch (c) {
	case '-':
		w->op = P_MINUS;
		break;
	case '=':
		w->op = P_ASSIGN;
		break;
	case '?':
		w->op = P_QUEST;
		break;
	case '+':
		w->op = P_PLUS;
		break;
	case '#':
	case '%': {
		int d = lgetc();
		if (d == c)
			w->op = c == '#' ? P_TRIML : P_RTRIML;
		else {
			lungetc(d);
			w->op = c == '#' ? P_TRIMS : P_RTRIMS;
		}
		mode = LM_PAT;
		break;
	}
	case '/':
	case '@': {
		if (c == '@') {
			int d = lgetc();
			if (d == 'Q' || d == '#' || d == '^') {
				/* like mksh, anything up to the brace is ignored */
				int e;
				while ((e = lgetc()) >= 0 && e != '}')
					;
				if (e < 0)
					no_closing_quote();
				w->op = d == 'Q' ? P_ATQ : d == '#' ? P_ATHASH : P_ATCARET;
				return w;
			}
			if (d != '/') {
				lungetc(d);
				xs_addc(&raw, '@');
				return bad_subst(p, &raw);
			}
			w->op = P_ATSUB;
		} else {
			int d = lgetc();
			if (d == '/')
				w->op = P_SUBALL;
			else if (d == '#')
				w->op = P_SUBBEG;
			else if (d == '%')
				w->op = P_SUBEND;
			else {
				lungetc(d);
				w->op = P_SUB1;
			}
		}
		w->arg = read_parts(p, LM_SUBPAT);
		c = lgetc();
		if (c == '/') {
			w->arg2 = read_parts(p, dq ? LM_SUBREP_DQ : LM_SUBREP);
			lgetc();
		} else {
			w->flags |= PF_NOREP;
		}
		return w;
	}
	default:
		lungetc(c);
		return bad_subst(p, &raw);
	}
	w->arg = read_parts(p, mode);
	lgetc(); /* the closing brace */
	return w;
}

/* ${ ... } after the brace, recording the source text for messages. */
struct wpart *lex_read_braced(struct parser *p, int dq)
{
	struct xstr raw;
	xs_init(&raw);
	xs_adds(&raw, "${");
	src_record_push(&raw);
	struct wpart *w = read_braced_inner(p, dq);
	src_record_pop();
	if (w->type == WP_PARAM)
		w->raw = pool_strndup(p->pool, xs_str(&raw), raw.len);
	return w;
}
