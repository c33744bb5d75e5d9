/*
 * shadow.c - the shadow password database from /etc/shadow: getspnam(),
 * getspent() and their _r forms, setspent(), endspent().
 *
 * Each line is name:password:lastchg:min:max:warn:inactive:expire:flag; an
 * empty number reads as -1. Empty lines, comments and malformed lines are
 * skipped.
 */
#include <errno.h>
#include <shadow.h>
#include <stdlib.h>
#include <string.h>
#include "pwd_impl.h"

/* Parses an optional long; 0, or -1 if malformed. */
static int num(const char *s, long *out)
{
	if (!*s) {
		*out = -1;
		return 0;
	}
	long v = 0;
	int neg = *s == '-';
	if (neg)
		s++;
	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000L)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

/* Splits and checks a line; fills the numbers into v[0..6]. 1 if valid. */
static int valid(char *line, char **f, long *v)
{
	if (!*line || *line == '#')
		return 0;
	if (__db_split(line, f, 9) != 9 || !*f[0])
		return 0;
	for (int i = 0; i < 7; i++)
		if (num(f[2 + i], &v[i]))
			return 0;
	return 1;
}

static int fill(char **f, const long *v, struct spwd *sp, char *buf, size_t buflen)
{
	size_t a = strlen(f[0]) + 1, b = strlen(f[1]) + 1;
	if (a + b > buflen)
		return ERANGE;
	memcpy(buf, f[0], a);
	memcpy(buf + a, f[1], b);
	sp->sp_namp = buf;
	sp->sp_pwdp = buf + a;
	sp->sp_lstchg = v[0];
	sp->sp_min = v[1];
	sp->sp_max = v[2];
	sp->sp_warn = v[3];
	sp->sp_inact = v[4];
	sp->sp_expire = v[5];
	sp->sp_flag = (unsigned long)v[6];
	return 0;
}

/* Finds the shadow entry of name. Returns 0 (*result NULL if there is none) or an errno value. */
int getspnam_r(const char *name, struct spwd *sp, char *buf, size_t buflen, struct spwd **result)
{
	struct dbfile f;
	*result = NULL;
	int e = __db_open(&f, __qsoe_shadow_file);
	if (e)
		return e == ENOENT ? 0 : e;
	char *line, *fields[10];
	long v[7];
	int r = 0;
	while ((line = __db_line(&f, &e))) {
		if (!valid(line, fields, v) || strcmp(fields[0], name))
			continue;
		r = fill(fields, v, sp, buf, buflen);
		if (!r)
			*result = sp;
		break;
	}
	if (!line && e)
		r = e;
	__db_close(&f);
	return r;
}

static struct spwd ssp;
static char *sbuf;
static size_t ssize;

static int grow(int again)
{
	if (!sbuf || again) {
		size_t size = sbuf ? ssize * 2 : 256;
		char *b = realloc(sbuf, size);
		if (!b)
			return -1;
		sbuf = b;
		ssize = size;
	}
	return 0;
}

struct spwd *getspnam(const char *name)
{
	struct spwd *res;
	int e = 0;
	while (!grow(e == ERANGE)) {
		e = getspnam_r(name, &ssp, sbuf, ssize, &res);
		if (e == ERANGE)
			continue;
		if (e)
			errno = e;
		return res;
	}
	return NULL;
}

static struct dbfile ent = {-1, NULL, 0, 0, 0, 0};
static int ent_open;

void setspent(void)
{
	if (ent_open)
		__db_close(&ent);
	ent_open = 0;
}

void endspent(void)
{
	setspent();
}

/* The next shadow entry; 0 (*result NULL at the end) or an errno value (ERANGE retries). */
/* A __db_parse_fn for /etc/shadow lines. */
static int parse_ent(char *line, void *out, char *buf, size_t buflen)
{
	char *fields[10];
	long v[7];

	return valid(line, fields, v) ? fill(fields, v, out, buf, buflen) : -1;
}

int getspent_r(struct spwd *sp, char *buf, size_t buflen, struct spwd **result)
{
	int got, e = __db_next(&ent, &ent_open, __qsoe_shadow_file, parse_ent, sp, buf, buflen,
	                       &got);

	*result = got ? sp : NULL;
	return e;
}

struct spwd *getspent(void)
{
	struct spwd *res;
	int e = 0;
	while (!grow(e == ERANGE)) {
		e = getspent_r(&ssp, sbuf, ssize, &res);
		if (e == ERANGE)
			continue;
		if (e)
			errno = e;
		return res;
	}
	return NULL;
}
