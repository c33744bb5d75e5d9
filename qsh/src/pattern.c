/*
 * pattern.c - shell pattern matching with ksh extended patterns.
 *
 * Patterns are byte strings in which QC (0x01) makes the following byte a
 * literal (the expander marks quoted characters that way); backslashes are
 * ordinary characters. Supported: ? * [...] (ranges, [:class:], ! negation) and @(..) *(..) +(..) ?(..) !(..) groups with | alternatives.
 */
#include "qsh.h"
#include "shell.h"

#include <string.h>

/* Depth/work guard so pathological patterns fail instead of recursing forever. */
#define PM_MAX_DEPTH 2000

struct pm {
	int depth;
	long budget;
};

static int match(struct pm *m, const char *p, const char *pe, const char *s, const char *se);

/* End of the extglob group whose '(' is at p (returns pointer to ')'), or NULL. */
static const char *group_end(const char *p, const char *pe)
{
	int depth = 0;
	for (; p < pe; p++) {
		if (*p == QC) {
			p++;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')' && --depth == 0)
			return p;
	}
	return NULL;
}

/* End of the bracket expression starting at p ('['), pointer after ']', or NULL. */
static const char *bracket_end(const char *p, const char *pe)
{
	const char *q = p + 1;
	if (q < pe && *q == '!')
		q++;
	if (q < pe && *q == ']')
		q++;
	for (; q < pe; q++) {
		if (*q == QC) {
			q++;
			continue;
		}
		if (*q == '[' && q + 1 < pe && q[1] == ':') {
			const char *e = q + 2;
			while (e + 1 < pe && !(e[0] == ':' && e[1] == ']'))
				e++;
			if (e + 1 < pe) {
				q = e + 1;
				continue;
			}
		}
		if (*q == ']')
			return q + 1;
	}
	return NULL;
}

static int class_match(const char *name, size_t n, int c)
{
	static const struct {
		const char *n;
		int (*f)(int);
	} cls[] = {{"alnum", c_isalnum}, {"alpha", c_isalpha}, {"blank", c_isblank},
	           {"cntrl", c_iscntrl}, {"digit", c_isdigit}, {"graph", c_isgraph},
	           {"lower", c_islower}, {"print", c_isprint}, {"punct", c_ispunct},
	           {"space", c_isspace}, {"upper", c_isupper}, {"xdigit", c_isxdigit}};
	for (size_t i = 0; i < sizeof cls / sizeof cls[0]; i++)
		if (strlen(cls[i].n) == n && !memcmp(cls[i].n, name, n))
			return cls[i].f(c);
	if (n == 5 && !memcmp(name, "ascii", 5))
		return c > 0 && c < 128;
	if (n == 4 && !memcmp(name, "word", 4))
		return c_isalnum(c) || c == '_';
	return 0;
}

/* Does byte c match the bracket expression [p, e) ('[' ... ']')? */
static int bracket_match(const char *p, const char *e, int c)
{
	p++;
	e--;
	int neg = 0, ok = 0;
	if (*p == '!') {
		neg = 1;
		p++;
	}
	int first = 1;
	while (p < e) {
		int lo;
		if (*p == '[' && p + 1 < e && p[1] == ':') {
			const char *q = p + 2;
			while (q + 1 < e + 1 && !(q[0] == ':' && q[1] == ']'))
				q++;
			if (q + 1 <= e && q[0] == ':') {
				if (class_match(p + 2, (size_t)(q - (p + 2)), c))
					ok = 1;
				p = q + 2;
				first = 0;
				continue;
			}
		}
		if (*p == QC && p + 1 < e) {
			lo = (unsigned char)p[1];
			p += 2;
		} else {
			lo = (unsigned char)*p++;
		}
		(void)first;
		first = 0;
		if (p + 1 < e && *p == '-') {
			int hi;
			const char *q = p + 1;
			if (*q == QC && q + 1 < e) {
				hi = (unsigned char)q[1];
				q += 2;
			} else {
				hi = (unsigned char)*q++;
			}
			if (lo <= c && c <= hi)
				ok = 1;
			p = q;
			continue;
		}
		if (lo == c)
			ok = 1;
	}
	return ok ^ neg;
}

/* Split alternatives of a group body [b, e) at top-level '|'; calls back per alt. */
static int alt_next(const char **ab, const char **ae, const char *e)
{
	const char *p = *ab;
	int depth = 0;
	for (; p < e; p++) {
		if (*p == QC) {
			p++;
			continue;
		}
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (*p == '|' && depth == 0)
			break;
	}
	*ae = p < e ? p : e;
	return 1;
}

/* Does any alternative of group body [b, e) match [s, se) exactly? */
static int any_alt(struct pm *m, const char *b, const char *e, const char *s, const char *se)
{
	const char *ab = b, *ae;
	for (;;) {
		alt_next(&ab, &ae, e);
		if (match(m, ab, ae, s, se))
			return 1;
		if (ae >= e)
			return 0;
		ab = ae + 1;
	}
}

/* Match group type t with body [b, e) then rest [r, pe) against [s, se). */
static int match_group(struct pm *m, int t, const char *b, const char *e, const char *r,
                       const char *pe, const char *s, const char *se)
{
	switch (t) {
	case '@':
	case '?':
		if (t == '?' && match(m, r, pe, s, se))
			return 1;
		for (const char *k = s; k <= se; k++)
			if (any_alt(m, b, e, s, k) && match(m, r, pe, k, se))
				return 1;
		return 0;
	case '*':
	case '+':
		if (t == '*' && match(m, r, pe, s, se))
			return 1;
		for (const char *k = s + 1; k <= se; k++) {
			if (!any_alt(m, b, e, s, k))
				continue;
			if (match(m, r, pe, k, se))
				return 1;
			/* more repetitions: the same group again, as "*" */
			if (match_group(m, '*', b, e, r, pe, k, se))
				return 1;
		}
		if (t == '+')
			for (const char *k = s; k <= s; k++)
				if (any_alt(m, b, e, s, k) && match(m, r, pe, k, se))
					return 1;
		return 0;
	case '!':
		for (const char *k = s; k <= se; k++)
			if (!any_alt(m, b, e, s, k) && match(m, r, pe, k, se))
				return 1;
		return 0;
	}
	return 0;
}

static int match(struct pm *m, const char *p, const char *pe, const char *s, const char *se)
{
	if (++m->depth > PM_MAX_DEPTH || --m->budget < 0) {
		m->depth--;
		return 0;
	}
	int r = 0;
	while (p < pe) {
		int c = (unsigned char)*p;
		if (c == QC && p + 1 < pe) {
			if (s >= se || *s != p[1])
				goto out;
			p += 2;
			s++;
			continue;
		}
		if (strchr("@*+?!", c) && c && p + 1 < pe && p[1] == '(') {
			const char *ge = group_end(p + 1, pe);
			if (ge) {
				r = match_group(m, c, p + 2, ge, ge + 1, pe, s, se);
				goto out;
			}
		}
		if (c == '*') {
			while (p < pe && *p == '*' && !(p + 1 < pe && p[1] == '('))
				p++;
			if (p == pe) {
				r = 1;
				goto out;
			}
			for (const char *k = s; k <= se; k++)
				if (match(m, p, pe, k, se)) {
					r = 1;
					goto out;
				}
			goto out;
		}
		if (c == '?') {
			if (s >= se)
				goto out;
			p++;
			s++;
			continue;
		}
		if (c == '[') {
			const char *be = bracket_end(p, pe);
			if (be) {
				if (s >= se || !bracket_match(p, be, (unsigned char)*s))
					goto out;
				p = be;
				s++;
				continue;
			}
		}
		if (s >= se || (unsigned char)*s != c)
			goto out;
		p++;
		s++;
	}
	r = s == se;
out:
	m->depth--;
	return r;
}

/* Does pattern pat match the n bytes at str exactly? */
int pat_match_n(const char *pat, const char *str, size_t n)
{
	struct pm m = {0, 2000000L};
	return match(&m, pat, pat + strlen(pat), str, str + n);
}

/* Does pattern pat match str exactly? */
int pat_match(const char *pat, const char *str)
{
	return pat_match_n(pat, str, strlen(str));
}

/* True if pat contains unquoted pattern characters (needs matching/globbing). */
int pat_has_magic(const char *pat)
{
	const char *pe = pat + strlen(pat);
	for (const char *p = pat; *p; p++) {
		if (*p == QC) {
			if (p[1])
				p++;
			continue;
		}
		if (*p == '*' || *p == '?')
			return 1;
		if (*p == '[' && bracket_end(p, pe))
			return 1;
		if ((*p == '@' || *p == '+' || *p == '!') && p[1] == '(' && group_end(p + 1, pe))
			return 1;
	}
	return 0;
}

/* Copy pat without QC markers (quote removal) into the arena. */
char *pat_unquote(const char *pat)
{
	size_t n = strlen(pat);
	char *r = stalloc(n + 1), *q = r;
	for (const char *p = pat; *p; p++) {
		if (*p == QC && p[1])
			p++;
		*q++ = *p;
	}
	*q = 0;
	return r;
}

/* Copy s into the arena with every special byte quoted by QC. */
char *pat_quote(const char *s)
{
	size_t n = strlen(s);
	char *r = stalloc(2 * n + 1), *q = r;
	for (; *s; s++) {
		if (strchr(PAT_SPECIALS, *s))
			*q++ = QC;
		*q++ = *s;
	}
	*q = 0;
	return r;
}
