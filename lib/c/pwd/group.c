/*
 * group.c - the group database from /etc/group: getgrnam(), getgrgid(),
 * getgrent() and their _r forms, setgrent(), endgrent(), getgrouplist().
 *
 * Each line is name:password:gid:member,member,... Empty lines, comments
 * and malformed lines are skipped. The _r functions put the member array
 * and the strings in the caller's buffer (ERANGE if it is too small).
 */
#include <errno.h>
#include <grp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "pwd_impl.h"

/* Splits and checks a line into f[0..3]; returns 1 if it is a valid entry. */
static int valid(char *line, char **f)
{
	long id;
	if (!*line || *line == '#')
		return 0;
	if (__db_split(line, f, 4) != 4 || !*f[0])
		return 0;
	return !__db_id(f[2], &id);
}

/* Fills *gr from the fields; returns 0 or ERANGE. */
static int fill(char **f, struct group *gr, char *buf, size_t buflen)
{
	/* members: count the commas of a non-empty list */
	size_t nmem = 0;
	if (*f[3]) {
		nmem = 1;
		for (const char *c = f[3]; *c; c++)
			nmem += *c == ',';
	}
	uintptr_t a = ((uintptr_t)buf + sizeof(char *) - 1) & ~(uintptr_t)(sizeof(char *) - 1);
	size_t pad = (size_t)(a - (uintptr_t)buf);
	size_t need =
	        pad + (nmem + 1) * sizeof(char *) + strlen(f[0]) + strlen(f[1]) + strlen(f[3]) + 3;
	if (need > buflen)
		return ERANGE;
	char **mem = (char **)(void *)(buf + pad);
	char *p = buf + pad + (nmem + 1) * sizeof(char *);
	size_t n = strlen(f[0]) + 1;
	memcpy(p, f[0], n);
	gr->gr_name = p;
	p += n;
	n = strlen(f[1]) + 1;
	memcpy(p, f[1], n);
	gr->gr_passwd = p;
	p += n;
	n = strlen(f[3]) + 1;
	memcpy(p, f[3], n);
	size_t k = 0;
	if (nmem) {
		mem[k++] = p;
		for (; *p; p++)
			if (*p == ',') {
				*p = 0;
				mem[k++] = p + 1;
			}
	}
	mem[k] = NULL;
	gr->gr_mem = mem;
	long gid;
	__db_id(f[2], &gid);
	gr->gr_gid = (gid_t)gid;
	return 0;
}

/* Looks a group up by name (name != NULL) or gid. */
static int lookup(const char *name, gid_t gid, struct group *gr, char *buf, size_t buflen,
                  struct group **result)
{
	struct dbfile f;
	*result = NULL;
	int e = __db_open(&f, __qsoe_group_file);
	if (e)
		return e == ENOENT ? 0 : e;
	char *line, *fields[5];
	int r = 0;
	while ((line = __db_line(&f, &e))) {
		if (!valid(line, fields))
			continue;
		long id;
		__db_id(fields[2], &id);
		if (name ? strcmp(fields[0], name) != 0 : (gid_t)id != gid)
			continue;
		r = fill(fields, gr, buf, buflen);
		if (!r)
			*result = gr;
		break;
	}
	if (!line && e)
		r = e;
	__db_close(&f);
	return r;
}

/* Finds the group called name. Returns 0 (*result NULL if there is none) or an errno value. */
int getgrnam_r(const char *name, struct group *gr, char *buf, size_t buflen, struct group **result)
{
	return lookup(name, 0, gr, buf, buflen, result);
}

/* Finds the group with id gid. */
int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t buflen, struct group **result)
{
	return lookup(NULL, gid, gr, buf, buflen, result);
}

static struct group sgr;
static char *sbuf;
static size_t ssize;

/* Makes sure the static buffer exists; after ERANGE, doubles it. 0 or -1. */
static int grow(int again)
{
	if (!sbuf || again) {
		size_t size = sbuf ? ssize * 2 : 512;
		char *b = realloc(sbuf, size);
		if (!b)
			return -1;
		sbuf = b;
		ssize = size;
	}
	return 0;
}

static struct group *static_lookup(const char *name, gid_t gid)
{
	struct group *res;
	int e = 0;
	while (!grow(e == ERANGE)) {
		e = lookup(name, gid, &sgr, sbuf, ssize, &res);
		if (e == ERANGE)
			continue;
		if (e)
			errno = e;
		return res;
	}
	return NULL;
}

struct group *getgrnam(const char *name)
{
	return static_lookup(name, 0);
}

struct group *getgrgid(gid_t gid)
{
	return static_lookup(NULL, gid);
}

static struct dbfile ent = {-1, NULL, 0, 0, 0, 0};
static int ent_open;

/* Rewinds the group database. */
void setgrent(void)
{
	if (ent_open)
		__db_close(&ent);
	ent_open = 0;
}

void endgrent(void)
{
	setgrent();
}

/* The next group entry; 0 (*result NULL at the end) or an errno value (ERANGE retries). */
/* A __db_parse_fn for /etc/group lines. */
static int parse_ent(char *line, void *out, char *buf, size_t buflen)
{
	char *fields[5];

	return valid(line, fields) ? fill(fields, out, buf, buflen) : -1;
}

int getgrent_r(struct group *gr, char *buf, size_t buflen, struct group **result)
{
	int got,
	        e = __db_next(&ent, &ent_open, __qsoe_group_file, parse_ent, gr, buf, buflen, &got);

	*result = got ? gr : NULL;
	return e;
}

struct group *getgrent(void)
{
	struct group *res;
	int e = 0;
	while (!grow(e == ERANGE)) {
		e = getgrent_r(&sgr, sbuf, ssize, &res);
		if (e == ERANGE)
			continue;
		if (e)
			errno = e;
		return res;
	}
	return NULL;
}

/*
 * The groups of user: group first, then every other group that lists user
 * as a member, in file order. Stores at most *ngroups ids in groups and the
 * number found in *ngroups; returns that number, or -1 if it exceeded the
 * room given.
 */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups)
{
	int room = *ngroups, n = 0, cap = 16;
	gid_t *all = malloc(sizeof(gid_t) * (size_t)cap); /* every id found, for duplicates */
	if (!all) {
		*ngroups = 0;
		return -1;
	}
	all[n++] = group;
	struct dbfile f;
	if (!__db_open(&f, __qsoe_group_file)) {
		char *line, *fields[5];
		int e;
		while ((line = __db_line(&f, &e))) {
			if (!valid(line, fields))
				continue;
			long id;
			__db_id(fields[2], &id);
			int member = 0;
			for (char *m = fields[3]; *m && !member;) {
				size_t len = strcspn(m, ",");
				member = len == strlen(user) && !strncmp(m, user, len);
				m += len;
				if (*m == ',')
					m++;
			}
			int dup = 0;
			for (int i = 0; i < n && !dup; i++)
				dup = all[i] == (gid_t)id;
			if (!member || dup)
				continue;
			if (n == cap) {
				gid_t *a = realloc(all, sizeof(gid_t) * (size_t)cap * 2);
				if (!a)
					break;
				all = a;
				cap *= 2;
			}
			all[n++] = (gid_t)id;
		}
		__db_close(&f);
	}
	for (int i = 0; i < n && i < room; i++)
		groups[i] = all[i];
	free(all);
	*ngroups = n;
	return n > room ? -1 : n;
}
