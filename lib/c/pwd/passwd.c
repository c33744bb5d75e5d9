/*
 * passwd.c - the user database from /etc/passwd: getpwnam(), getpwuid(),
 * getpwent() and their _r forms, setpwent(), endpwent().
 *
 * Each line is name:password:uid:gid:gecos:home:shell. Empty lines,
 * comments (#) and malformed lines (wrong number of fields, empty name,
 * non-numeric ids) are skipped. The _r functions copy the strings into the
 * caller's buffer (ERANGE if it is too small); the others use a static area
 * that grows as needed. A missing file reads as empty.
 */
#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include "pwd_impl.h"

/* Copies s into the buffer at *p (with *left bytes left); NULL if it does not fit. */
static char *copy(char **p, size_t *left, const char *s)
{
	size_t n = strlen(s) + 1;
	if (n > *left)
		return NULL;
	char *d = *p;
	memcpy(d, s, n);
	*p += n;
	*left -= n;
	return d;
}

/*
 * Fills *pw from the split fields f[0..6]; returns 0 or ERANGE. The
 * fields were checked by valid().
 */
static int fill(char **f, struct passwd *pw, char *buf, size_t buflen)
{
	char *p = buf;
	size_t left = buflen;
	long uid, gid;
	__db_id(f[2], &uid);
	__db_id(f[3], &gid);
	if (!(pw->pw_name = copy(&p, &left, f[0])) || !(pw->pw_passwd = copy(&p, &left, f[1])) ||
	    !(pw->pw_gecos = copy(&p, &left, f[4])) || !(pw->pw_dir = copy(&p, &left, f[5])) ||
	    !(pw->pw_shell = copy(&p, &left, f[6])) || !(pw->pw_age = copy(&p, &left, "")))
		return ERANGE;
	pw->pw_comment = pw->pw_age;
	pw->pw_uid = (uid_t)uid;
	pw->pw_gid = (gid_t)gid;
	return 0;
}

/* Splits and checks a line; returns 1 if it is a valid entry. */
static int valid(char *line, char **f)
{
	long id;
	if (!*line || *line == '#')
		return 0;
	if (__db_split(line, f, 7) != 7 || !*f[0])
		return 0;
	return !__db_id(f[2], &id) && !__db_id(f[3], &id);
}

/* Looks an entry up by name (name != NULL) or uid; the common part of the _r functions. */
static int lookup(const char *name, uid_t uid, struct passwd *pw, char *buf, size_t buflen,
                  struct passwd **result)
{
	struct dbfile f;
	*result = NULL;
	int e = __db_open(&f, __qsoe_passwd_file);
	if (e)
		return e == ENOENT ? 0 : e;
	char *line, *fields[8];
	int r = 0;
	while ((line = __db_line(&f, &e))) {
		if (!valid(line, fields))
			continue;
		long id;
		__db_id(fields[2], &id);
		if (name ? strcmp(fields[0], name) != 0 : (uid_t)id != uid)
			continue;
		r = fill(fields, pw, buf, buflen);
		if (!r)
			*result = pw;
		break;
	}
	if (!line && e)
		r = e;
	__db_close(&f);
	return r;
}

/* Finds the user called name. Returns 0 (*result NULL if there is none) or an errno value. */
int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t buflen,
               struct passwd **result)
{
	return lookup(name, 0, pw, buf, buflen, result);
}

/* Finds the user with id uid. */
int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t buflen, struct passwd **result)
{
	return lookup(NULL, uid, pw, buf, buflen, result);
}

/* The static area of the non-reentrant functions. */
static struct passwd spw;
static char *sbuf;
static size_t ssize;

/* Runs a lookup into the static area, growing it on ERANGE. */
static struct passwd *static_lookup(const char *name, uid_t uid)
{
	struct passwd *res;
	for (;;) {
		if (!sbuf) {
			ssize = 256;
			sbuf = malloc(ssize);
			if (!sbuf)
				return NULL;
		}
		int e = lookup(name, uid, &spw, sbuf, ssize, &res);
		if (e != ERANGE) {
			if (e)
				errno = e;
			return res;
		}
		char *b = realloc(sbuf, ssize * 2);
		if (!b)
			return NULL;
		sbuf = b;
		ssize *= 2;
	}
}

struct passwd *getpwnam(const char *name)
{
	return static_lookup(name, 0);
}

struct passwd *getpwuid(uid_t uid)
{
	return static_lookup(NULL, uid);
}

/* getpwent's open file. */
static struct dbfile ent = {-1, NULL, 0, 0, 0, 0};
static int ent_open;

/* Rewinds the user database. */
void setpwent(void)
{
	if (ent_open)
		__db_close(&ent);
	ent_open = 0;
}

/* Closes the user database. */
void endpwent(void)
{
	setpwent();
}

/*
 * The next entry of the user database into pw/buf. Returns 0 (*result NULL
 * at the end) or an errno value; on ERANGE the entry is read again by the
 * next call.
 */
/* A __db_parse_fn for /etc/passwd lines. */
static int parse_ent(char *line, void *out, char *buf, size_t buflen)
{
	char *fields[8];

	return valid(line, fields) ? fill(fields, out, buf, buflen) : -1;
}

int getpwent_r(struct passwd *pw, char *buf, size_t buflen, struct passwd **result)
{
	int got, e = __db_next(&ent, &ent_open, __qsoe_passwd_file, parse_ent, pw, buf, buflen,
	                       &got);

	*result = got ? pw : NULL;
	return e;
}

struct passwd *getpwent(void)
{
	struct passwd *res;
	for (;;) {
		if (!sbuf) {
			ssize = 256;
			sbuf = malloc(ssize);
			if (!sbuf)
				return NULL;
		}
		int e = getpwent_r(&spw, sbuf, ssize, &res);
		if (e != ERANGE) {
			if (e)
				errno = e;
			return res;
		}
		char *b = realloc(sbuf, ssize * 2);
		if (!b)
			return NULL;
		sbuf = b;
		ssize *= 2;
	}
}
