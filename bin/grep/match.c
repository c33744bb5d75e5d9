/*
 * match.c - grep's matching: POSIX regular expressions (regcomp, BRE or
 * ERE) or fixed strings, with -i, -w and -x.
 */
#include "grep.h"
#include "qu.h"

#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

struct gopts gopt;

struct pat {
	char *s;
	size_t len;
	regex_t re;
};

static struct pat *pats;
static size_t npats, cappats;

/* See grep.h. */
void pat_add(const char *p, size_t len)
{
	if (npats == cappats) {
		cappats = cappats ? cappats * 2 : 8;
		pats = qu_realloc(pats, cappats * sizeof(*pats));
	}
	pats[npats].s = qu_malloc(len + 1);
	memcpy(pats[npats].s, p, len);
	pats[npats].s[len] = 0;
	pats[npats].len = len;
	npats++;
}

/* See grep.h. */
void pat_compile(void)
{
	size_t i;
	char msg[256];
	int r, flags = (gopt.ere ? REG_EXTENDED : 0) | (gopt.icase ? REG_ICASE : 0);

	if (gopt.fixed)
		return;
	for (i = 0; i < npats; i++) {
		r = regcomp(&pats[i].re, pats[i].s, flags);
		if (r) {
			regerror(r, &pats[i].re, msg, sizeof(msg));
			qu_die(2, "%s", msg);
		}
	}
}

/* True if c is a word constituent (alphanumeric or underscore). */
static int wordc(int c)
{
	return isalnum(c) || c == '_';
}

/* True if [so, eo) of the line satisfies -w and -x. */
static int bounds_ok(const char *line, size_t len, size_t so, size_t eo)
{
	if (gopt.line)
		return so == 0 && eo == len;
	if (gopt.word) {
		if (so > 0 && wordc((unsigned char)line[so - 1]))
			return 0;
		if (eo < len && wordc((unsigned char)line[eo]))
			return 0;
	}
	return 1;
}

/* Case-(in)sensitive comparison of n bytes. */
static int same(const char *a, const char *b, size_t n)
{
	size_t i;

	if (!gopt.icase)
		return memcmp(a, b, n) == 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Finds pattern p in line[from..len) as a fixed string. */
static int find_fixed(const struct pat *p, const char *line, size_t len, size_t from, size_t *so,
                      size_t *eo)
{
	size_t i;

	for (i = from; i + p->len <= len; i++) {
		if (same(line + i, p->s, p->len) && bounds_ok(line, len, i, i + p->len)) {
			*so = i;
			*eo = i + p->len;
			return 1;
		}
		if (gopt.line)
			break;
	}
	return 0;
}

/* Runs regexec on line[start..end) (end is made the string's end). */
static int exec_at(const struct pat *p, char *line, size_t start, size_t end, size_t len,
                   regmatch_t *m)
{
	char saved = line[end];
	int r, flags = (start > 0 ? REG_NOTBOL : 0) | (end < len ? REG_NOTEOL : 0);

	line[end] = 0;
	r = regexec(&p->re, line + start, 1, m, flags);
	line[end] = saved;
	if (r == 0) {
		m->rm_so += (regoff_t)start;
		m->rm_eo += (regoff_t)start;
	}
	return r == 0;
}

/* Finds pattern p by regex in line[from..seg) where seg is the end of the
 * NUL-free segment. */
static int find_re(const struct pat *p, char *line, size_t len, size_t from, size_t *so, size_t *eo)
{
	regmatch_t m;
	size_t s = from, k;

	while (s <= len) {
		if (!exec_at(p, line, s, len, len, &m))
			return 0;
		if (bounds_ok(line, len, (size_t)m.rm_so, (size_t)m.rm_eo)) {
			*so = (size_t)m.rm_so;
			*eo = (size_t)m.rm_eo;
			return 1;
		}
		if (gopt.word) {
			/* try shorter matches from the same start */
			for (k = (size_t)m.rm_eo; k > (size_t)m.rm_so + 1; k--) {
				regmatch_t m2;
				if (exec_at(p, line, (size_t)m.rm_so, k - 1, len, &m2) &&
				    m2.rm_so == m.rm_so &&
				    bounds_ok(line, len, (size_t)m2.rm_so, (size_t)m2.rm_eo)) {
					*so = (size_t)m2.rm_so;
					*eo = (size_t)m2.rm_eo;
					return 1;
				}
			}
		}
		if (gopt.line)
			return 0;
		s = (size_t)m.rm_so + 1;
	}
	return 0;
}

/* See grep.h. Segments between NUL bytes are searched separately; the
 * line's buffer is written to (a NUL placed and restored) during the search. */
int pat_find(const char *cline, size_t len, size_t from, size_t *so, size_t *eo)
{
	char *line = (char *)cline;
	size_t i, seg = from, best_so = (size_t)-1, best_eo = 0;

	while (seg <= len) {
		size_t segend = seg;
		while (segend < len && line[segend])
			segend++;
		for (i = 0; i < npats; i++) {
			size_t s, e, f = from > seg ? from - seg : 0;
			int ok = gopt.fixed
			                 ? find_fixed(&pats[i], line + seg, segend - seg, f, &s, &e)
			                 : find_re(&pats[i], line + seg, segend - seg, f, &s, &e);
			if (ok) {
				s += seg;
				e += seg;
			}
			if (ok && (s < best_so || (s == best_so && e > best_eo))) {
				best_so = s;
				best_eo = e;
			}
		}
		if (best_so != (size_t)-1) {
			*so = best_so;
			*eo = best_eo;
			return 1;
		}
		if (segend >= len)
			break;
		seg = segend + 1;
	}
	return 0;
}

/* See grep.h. */
int pat_match(const char *line, size_t len)
{
	size_t so, eo;

	if (npats == 0)
		return 0;
	return pat_find(line, len, 0, &so, &eo);
}
