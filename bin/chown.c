/*
 * chown - change the file ownership (POSIX: -h -R -H -L -P).
 *
 * owner[:group], :group, owner: (the owner's login group), with names or
 * numbers. -h changes symbolic links themselves.
 */
#include "qu.h"
#include "walk.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: chown [-h] owner[:group] file...\n"
         "       chown -R [-H|-L|-P] owner[:group] file...\n"
         "  -h  change symbolic links, not their targets   -R  recursively\n");

static uid_t uid = (uid_t)-1;
static gid_t gid = (gid_t)-1;
static int opt_h, status;

/* Parses a decimal id; returns 0 or -1. */
static int parse_id(const char *s, unsigned long *v)
{
	char *end;

	if (!*s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoul(s, &end, 10);
	return *end || errno ? -1 : 0;
}

/* Parses owner[:group]; exits on an unknown name. */
static void parse_spec(char *s)
{
	char *colon = strchr(s, ':');
	struct passwd *pw = NULL;
	struct group *gr;
	unsigned long v;

	if (colon)
		*colon = 0;
	if (*s) {
		pw = getpwnam(s);
		if (pw)
			uid = pw->pw_uid;
		else if (parse_id(s, &v) == 0)
			uid = (uid_t)v;
		else
			qu_die(1, "invalid user: %s", qu_quote(s));
	}
	if (colon) {
		*colon = ':';
		if (colon[1]) {
			gr = getgrnam(colon + 1);
			if (gr)
				gid = gr->gr_gid;
			else if (parse_id(colon + 1, &v) == 0)
				gid = (gid_t)v;
			else
				qu_die(1, "invalid group: %s", qu_quote(s));
		} else if (*s) {
			if (!pw)
				pw = getpwuid(uid);
			if (!pw)
				qu_die(1, "invalid spec: %s", qu_quote(s));
			gid = pw->pw_gid;
		}
	}
}

/* Changes one file. */
static void change(const char *path, int nofollow)
{
	if ((nofollow ? lchown(path, uid, gid) : chown(path, uid, gid)) != 0) {
		qu_errno(errno, "changing ownership of %s", qu_quoteaf(path));
		status = 1;
	}
}

/* Tree walk callback for -R. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	int follow_links = *(int *)arg;

	switch (e->type) {
	case QU_NS:
		qu_errno(e->err, "cannot access %s", qu_quoteaf(e->path));
		status = 1;
		break;
	case QU_DNR:
		qu_errno(e->err, "cannot read directory %s", qu_quoteaf(e->path));
		status = 1;
		change(e->path, 0);
		break;
	case QU_D:
	case QU_F:
	case QU_SLN:
		change(e->path, opt_h || (!follow_links && e->depth > 0));
		break;
	}
	return QU_WALK_CONTINUE;
}

int main(int argc, char **argv)
{
	int c, recursive = 0, flags = 0, follow = 0, i;
	struct stat st;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "hRHLP")) != -1) {
		switch (c) {
		case 'h':
			opt_h = 1;
			break;
		case 'R':
			recursive = 1;
			break;
		case 'H':
			flags = QU_WALK_FOLLOW_ARGS;
			break;
		case 'L':
			flags = QU_WALK_FOLLOW;
			follow = 1;
			break;
		case 'P':
			flags = 0;
			break;
		}
	}
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	if (qu_optind + 1 >= argc) {
		qu_err("missing operand after %s", qu_quote(argv[qu_optind]));
		qu_usage(1, NULL);
	}
	parse_spec(argv[qu_optind]);
	for (i = qu_optind + 1; i < argc; i++) {
		if (recursive) {
			qu_walk(argv[i], flags, visit, &follow);
			continue;
		}
		if ((opt_h ? lstat(argv[i], &st) : stat(argv[i], &st)) != 0) {
			qu_errno(errno, "cannot access %s", qu_quoteaf(argv[i]));
			status = 1;
			continue;
		}
		change(argv[i], opt_h);
	}
	return status;
}
