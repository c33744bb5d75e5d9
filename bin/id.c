/*
 * id - return user identity (POSIX: -G -g -u -n -r).
 *
 * Without a user operand, reports the process's real and effective IDs and
 * supplementary groups; with one, reports that user's IDs from the user and
 * group databases (getgrent is an XSI interface, see README.md).
 */
#include "qu.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: id [user...]\n"
         "       id -G [-n] [user...]\n"
         "       id -g [-nr] [user...]\n"
         "       id -u [-nr] [user...]\n");

static int status;

/* Prints a user id as name or number; with paren prints "N(name)". */
static void put_uid(uid_t u, int name, int paren)
{
	struct passwd *pw = getpwuid(u);

	if (name) {
		if (pw) {
			fputs(pw->pw_name, stdout);
		} else {
			qu_err("cannot find name for user ID %lu", (unsigned long)u);
			printf("%lu", (unsigned long)u);
			status = 1;
		}
	} else {
		printf("%lu", (unsigned long)u);
		if (paren && pw)
			printf("(%s)", pw->pw_name);
	}
}

/* Prints a group id as name or number; with paren prints "N(name)". */
static void put_gid(gid_t g, int name, int paren)
{
	struct group *gr = getgrgid(g);

	if (name) {
		if (gr) {
			fputs(gr->gr_name, stdout);
		} else {
			qu_err("cannot find name for group ID %lu", (unsigned long)g);
			printf("%lu", (unsigned long)g);
			status = 1;
		}
	} else {
		printf("%lu", (unsigned long)g);
		if (paren && gr)
			printf("(%s)", gr->gr_name);
	}
}

/* Collects the groups of user name with primary group gid; returns a list
 * (count in *n) starting with gid. */
static gid_t *user_groups(const char *name, gid_t gid, int *n)
{
	gid_t *v = qu_malloc(sizeof(gid_t) * 8);
	int cap = 8, cnt = 0, i;
	struct group *gr;
	char **m;

	v[cnt++] = gid;
	setgrent();
	while ((gr = getgrent()) != NULL) {
		for (m = gr->gr_mem; m && *m; m++) {
			if (strcmp(*m, name) != 0)
				continue;
			for (i = 0; i < cnt && v[i] != gr->gr_gid; i++)
				;
			if (i < cnt)
				break;
			if (cnt == cap)
				v = qu_realloc(v, sizeof(gid_t) * (size_t)(cap *= 2));
			v[cnt++] = gr->gr_gid;
			break;
		}
	}
	endgrent();
	*n = cnt;
	return v;
}

static int opt_G, opt_g, opt_u, opt_n, opt_r;

/* Prints the report for the given IDs and group list (groups[0] is the
 * effective or primary group). */
static void report(uid_t ruid, uid_t euid, gid_t rgid, gid_t egid, gid_t *groups, int ng)
{
	int i;

	if (opt_u) {
		put_uid(opt_r ? ruid : euid, opt_n, 0);
	} else if (opt_g) {
		put_gid(opt_r ? rgid : egid, opt_n, 0);
	} else if (opt_G) {
		if (rgid != egid) {
			put_gid(rgid, opt_n, 0);
			putchar(' ');
		}
		for (i = 0; i < ng; i++) {
			if (i)
				putchar(' ');
			put_gid(groups[i], opt_n, 0);
		}
	} else {
		fputs("uid=", stdout);
		put_uid(ruid, 0, 1);
		fputs(" gid=", stdout);
		put_gid(rgid, 0, 1);
		if (euid != ruid) {
			fputs(" euid=", stdout);
			put_uid(euid, 0, 1);
		}
		if (egid != rgid) {
			fputs(" egid=", stdout);
			put_gid(egid, 0, 1);
		}
		fputs(" groups=", stdout);
		for (i = 0; i < ng; i++) {
			if (i)
				putchar(',');
			put_gid(groups[i], 0, 1);
		}
	}
	putchar('\n');
}

/* Reports the IDs of the user named (or numbered) u. */
static void id_user(const char *u)
{
	struct passwd *pw = getpwnam(u);
	gid_t *groups;
	int ng;

	if (!pw) {
		char *end;
		unsigned long num = strtoul(u, &end, 10);
		if (*u && !*end)
			pw = getpwuid((uid_t)num);
	}
	if (!pw) {
		qu_err("%s: no such user", qu_quote(u));
		status = 1;
		return;
	}
	groups = user_groups(pw->pw_name, pw->pw_gid, &ng);
	report(pw->pw_uid, pw->pw_uid, pw->pw_gid, pw->pw_gid, groups, ng);
	free(groups);
}

/* Reports the IDs of this process. */
static void id_self(void)
{
	gid_t egid = getegid(), *groups;
	int ng = getgroups(0, NULL), i;

	if (ng < 0)
		qu_die_errno(1, errno, "cannot get groups");
	groups = qu_malloc(sizeof(gid_t) * (size_t)(ng + 1));
	groups[0] = egid;
	ng = getgroups(ng, groups + 1);
	if (ng < 0)
		qu_die_errno(1, errno, "cannot get groups");
	ng++;
	/* drop a repeated egid from the supplementary list */
	for (i = 1; i < ng; i++) {
		if (groups[i] == egid) {
			memmove(groups + i, groups + i + 1, sizeof(gid_t) * (size_t)(ng - i - 1));
			ng--;
			i--;
		}
	}
	report(getuid(), geteuid(), getgid(), egid, groups, ng);
	free(groups);
}

int main(int argc, char **argv)
{
	int c;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "Ggunr")) != -1) {
		switch (c) {
		case 'G':
			opt_G = 1;
			break;
		case 'g':
			opt_g = 1;
			break;
		case 'u':
			opt_u = 1;
			break;
		case 'n':
			opt_n = 1;
			break;
		case 'r':
			opt_r = 1;
			break;
		}
	}
	if (opt_G + opt_g + opt_u > 1)
		qu_usage(1, "cannot print \"only\" of more than one choice");
	if ((opt_n || opt_r) && !(opt_G || opt_g || opt_u))
		qu_usage(1, "cannot print only names or real IDs in default format");
	if (qu_optind >= argc)
		id_self();
	for (; qu_optind < argc; qu_optind++)
		id_user(argv[qu_optind]);
	return status;
}
