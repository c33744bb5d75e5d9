/*
 * keys.c - sort keys: parsing -k, locating fields and comparing lines.
 */
#include "qu.h"
#include "sort.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct sort_conf conf = {NULL, 0, 0, -1, 0, 0};

/* Parses a number at *pp (advancing); returns -1 if there is none. */
static long long number(const char **pp)
{
	const char *p = *pp;
	long long v = 0;

	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		if (v < 100000000000000LL)
			v = v * 10 + (*p - '0');
		p++;
	}
	*pp = p;
	return v;
}

/* Parses modifier letters at *pp into *mods; returns the count parsed. */
static int modifiers(const char **pp, int *mods)
{
	int n = 0;

	for (;; (*pp)++, n++) {
		switch (**pp) {
		case 'b':
			*mods |= MOD_B;
			break;
		case 'd':
			*mods |= MOD_D;
			break;
		case 'f':
			*mods |= MOD_F;
			break;
		case 'i':
			*mods |= MOD_I;
			break;
		case 'n':
			*mods |= MOD_N;
			break;
		case 'r':
			*mods |= MOD_R;
			break;
		default:
			return n;
		}
	}
}

/* See sort.h. */
int key_parse(const char *s, struct key *k)
{
	const char *p = s;
	long long v;
	int m = 0;

	memset(k, 0, sizeof(*k));
	v = number(&p);
	if (v < 1)
		return -1;
	k->sf = (size_t)v;
	if (*p == '.') {
		p++;
		v = number(&p);
		if (v < 1)
			return -1;
		k->sc = (size_t)v;
	}
	modifiers(&p, &m);
	k->bstart = (m & MOD_B) != 0;
	k->mods = m;
	if (*p == ',') {
		int em = 0;
		p++;
		v = number(&p);
		if (v < 1)
			return -1;
		k->ef = (size_t)v;
		if (*p == '.') {
			p++;
			v = number(&p);
			if (v < 0)
				return -1;
			k->ec = (size_t)v;
		}
		modifiers(&p, &em);
		k->bend = (em & MOD_B) != 0;
		k->mods |= em;
	}
	if (*p)
		return -1;
	return 0;
}

/* See sort.h. */
void keys_finish(void)
{
	size_t i;

	for (i = 0; i < conf.nkeys; i++) {
		struct key *k = &conf.keys[i];
		if (!(k->mods & ~MOD_B) && !k->bstart && !k->bend) {
			k->mods = conf.gmods;
			k->bstart = k->bend = (conf.gmods & MOD_B) != 0;
		}
	}
}

/* True for a blank under the C locale (space and tab). */
static int blank(int c)
{
	return c == ' ' || c == '\t';
}

/* Returns the offset where field f (1-based) begins in the line. */
static size_t field_start(const struct line *l, size_t f)
{
	size_t i = 0, n = l->len;
	const char *s = l->s;

	while (--f > 0 && i < n) {
		if (conf.tab >= 0) {
			while (i < n && (unsigned char)s[i] != conf.tab)
				i++;
			if (i < n)
				i++;
		} else {
			while (i < n && blank((unsigned char)s[i]))
				i++;
			while (i < n && !blank((unsigned char)s[i]))
				i++;
		}
	}
	return i;
}

/* Returns the offset just past the end of the field starting at i. */
static size_t field_end_from(const struct line *l, size_t i)
{
	size_t n = l->len;
	const char *s = l->s;

	if (conf.tab >= 0) {
		while (i < n && (unsigned char)s[i] != conf.tab)
			i++;
	} else {
		while (i < n && blank((unsigned char)s[i]))
			i++;
		while (i < n && !blank((unsigned char)s[i]))
			i++;
	}
	return i;
}

/* Finds the key k in line l: [*b, *e). */
static void locate(const struct key *k, const struct line *l, size_t *b, size_t *e)
{
	size_t i = field_start(l, k->sf), end;

	if (k->bstart)
		while (i < l->len && blank((unsigned char)l->s[i]))
			i++;
	if (k->sc) {
		i += k->sc - 1;
		if (i > l->len)
			i = l->len;
		{
			/* a character position does not run past its field */
			size_t fe = field_end_from(l, field_start(l, k->sf));
			if (i > fe)
				i = fe;
		}
	}
	if (k->ef == 0) {
		end = l->len;
	} else {
		size_t fs = field_start(l, k->ef);
		if (k->ec == 0) {
			end = field_end_from(l, fs);
		} else {
			if (k->bend)
				while (fs < l->len && blank((unsigned char)l->s[fs]))
					fs++;
			end = fs + k->ec;
			if (end > l->len)
				end = l->len;
			{
				size_t fe = field_end_from(l, field_start(l, k->ef));
				if (end > fe)
					end = fe;
			}
		}
	}
	if (end < i)
		end = i;
	*b = i;
	*e = end;
}

/* Numeric comparison of two strings as sort -n reads them. */
static int num_cmp(const char *a, size_t al, const char *b, size_t bl)
{
	const char *ae = a + al, *be = b + bl, *ai, *bi, *af, *bf;
	int an = 0, bn = 0, r = 0;
	size_t il, jl;

	while (a < ae && blank((unsigned char)*a))
		a++;
	while (b < be && blank((unsigned char)*b))
		b++;
	if (a < ae && *a == '-')
		an = 1, a++;
	if (b < be && *b == '-')
		bn = 1, b++;
	/* integer parts without leading zeros */
	while (a < ae && *a == '0')
		a++;
	while (b < be && *b == '0')
		b++;
	ai = a;
	bi = b;
	while (a < ae && isdigit((unsigned char)*a))
		a++;
	while (b < be && isdigit((unsigned char)*b))
		b++;
	il = (size_t)(a - ai);
	jl = (size_t)(b - bi);
	af = (a < ae && *a == '.') ? a + 1 : a;
	bf = (b < be && *b == '.') ? b + 1 : b;
	{
		/* is each value zero? (then the sign does not matter) */
		const char *p;
		int az = il == 0, bz = jl == 0;
		if (az && af != a)
			for (p = af; p < ae && isdigit((unsigned char)*p); p++)
				if (*p != '0')
					az = 0;
		if (bz && bf != b)
			for (p = bf; p < be && isdigit((unsigned char)*p); p++)
				if (*p != '0')
					bz = 0;
		if (az)
			an = 0;
		if (bz)
			bn = 0;
		if (an != bn)
			return an ? -1 : 1;
	}
	if (il != jl)
		r = il < jl ? -1 : 1;
	else if ((r = memcmp(ai, bi, il)) != 0)
		r = r < 0 ? -1 : 1;
	else {
		/* fractions digit by digit, missing digits are zeros */
		const char *p = af, *q = bf;
		int pa = af != a, pb = bf != b;
		for (;;) {
			int ca = (pa && p < ae && isdigit((unsigned char)*p)) ? *p : '0';
			int cb = (pb && q < be && isdigit((unsigned char)*q)) ? *q : '0';
			int more_a = pa && p < ae && isdigit((unsigned char)*p);
			int more_b = pb && q < be && isdigit((unsigned char)*q);
			if (!more_a && !more_b)
				break;
			if (ca != cb) {
				r = ca < cb ? -1 : 1;
				break;
			}
			if (more_a)
				p++;
			if (more_b)
				q++;
		}
	}
	return an ? -r : r;
}

/* Returns 1 if c is ignored under the d or i modifiers. */
static int ignored(int mods, unsigned char c)
{
	if ((mods & MOD_D) && !(isalnum(c) || blank(c)))
		return 1;
	if ((mods & MOD_I) && !isprint(c))
		return 1;
	return 0;
}

/* Text comparison under the d, f and i modifiers. */
static int text_cmp(const char *a, size_t al, const char *b, size_t bl, int mods)
{
	size_t i = 0, j = 0;
	int r;

	if (!(mods & (MOD_D | MOD_F | MOD_I))) {
		size_t n = al < bl ? al : bl;
		r = memcmp(a, b, n);
		if (r)
			return r < 0 ? -1 : 1;
		return al < bl ? -1 : al > bl;
	}
	for (;;) {
		int ca, cb;
		while (i < al && ignored(mods, (unsigned char)a[i]))
			i++;
		while (j < bl && ignored(mods, (unsigned char)b[j]))
			j++;
		if (i >= al || j >= bl)
			return (i < al) - (j < bl);
		ca = (unsigned char)a[i++];
		cb = (unsigned char)b[j++];
		if (mods & MOD_F) {
			ca = toupper(ca);
			cb = toupper(cb);
		}
		if (ca != cb)
			return ca < cb ? -1 : 1;
	}
}

/* Compares one key (or the whole line with the global modifiers). */
static int cmp_one(const struct key *k, const struct line *a, const struct line *b)
{
	size_t ab = 0, ae = a->len, bb = 0, be = b->len;
	int mods = k ? k->mods : conf.gmods, r;

	if (k) {
		locate(k, a, &ab, &ae);
		locate(k, b, &bb, &be);
	} else if (mods & MOD_B) {
		while (ab < ae && blank((unsigned char)a->s[ab]))
			ab++;
		while (bb < be && blank((unsigned char)b->s[bb]))
			bb++;
	}
	if (mods & MOD_N)
		r = num_cmp(a->s + ab, ae - ab, b->s + bb, be - bb);
	else
		r = text_cmp(a->s + ab, ae - ab, b->s + bb, be - bb, mods);
	return (mods & MOD_R) ? -r : r;
}

/* See sort.h. */
int key_cmp(const struct line *a, const struct line *b)
{
	size_t i;
	int r;

	if (conf.nkeys == 0)
		return cmp_one(NULL, a, b);
	for (i = 0; i < conf.nkeys; i++)
		if ((r = cmp_one(&conf.keys[i], a, b)) != 0)
			return r;
	return 0;
}

/* See sort.h. */
int line_cmp(const struct line *a, const struct line *b)
{
	int r = key_cmp(a, b);
	size_t n;

	if (r || conf.stable || conf.unique)
		return r;
	if (conf.nkeys == 0 && !(conf.gmods & ~MOD_R))
		return 0;
	n = a->len < b->len ? a->len : b->len;
	r = memcmp(a->s, b->s, n);
	if (!r)
		r = a->len < b->len ? -1 : a->len > b->len;
	return (conf.gmods & MOD_R) ? -r : r;
}
