/*
 * chmod - change file modes (POSIX: -R; octal and symbolic modes).
 *
 * A mode operand that begins with '-' ("-w", "-x,+r") is taken as a mode,
 * not as options. With -R, symbolic links met in the tree are not followed
 * and their modes are not changed.
 */
#include "mode.h"
#include "qu.h"
#include "walk.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

QU_USAGE("Usage: chmod [-R] mode file...\n"
         "  mode: octal (755) or symbolic ([ugoa]*[+-=][rwxXst]*|[ugo], ...)\n"
         "  -R  change files and directories recursively\n");

static const char *spec;
static mode_t mask;
static int status;

/* Changes the mode of one file whose current status is st. */
static void change(const char *path, const struct stat *st)
{
	mode_t m;

	if (qu_mode_apply(spec, st->st_mode, S_ISDIR(st->st_mode), mask, &m) != 0)
		return;
	if (m == (st->st_mode & 07777))
		return;
	if (chmod(path, m) != 0) {
		qu_errno(errno, "changing permissions of %s", qu_quoteaf(path));
		status = 1;
	}
}

/* Tree walk callback for -R. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	(void)arg;
	switch (e->type) {
	case QU_NS:
		qu_errno(e->err, "cannot access %s", qu_quoteaf(e->path));
		status = 1;
		break;
	case QU_DNR:
		qu_errno(e->err, "cannot read directory %s", qu_quoteaf(e->path));
		status = 1;
		break;
	case QU_D:
	case QU_F:
		if (!S_ISLNK(e->st.st_mode) || e->depth == 0) {
			struct stat st = e->st;
			if (S_ISLNK(st.st_mode) && stat(e->path, &st) != 0) {
				qu_errno(errno, "cannot operate on dangling symlink %s",
				         qu_quoteaf(e->path));
				status = 1;
				break;
			}
			change(e->path, &st);
		}
		break;
	}
	return QU_WALK_CONTINUE;
}

int main(int argc, char **argv)
{
	int recursive = 0, i;
	struct stat st;

	qu_init(argv[0]);
	/* options are -R (and "--"); an argument like "-w" is the mode */
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (argv[i][0] != '-' || qu_mode_valid(argv[i]))
			break;
		if (strspn(argv[i] + 1, "R") == strlen(argv[i] + 1) && argv[i][1]) {
			recursive = 1;
			continue;
		}
		qu_optind = i;
		{
			char msg[64];
			snprintf(msg, sizeof(msg), "invalid option -- '%c'",
			         argv[i][1 + strspn(argv[i] + 1, "R")]);
			qu_usage(1, msg);
		}
	}
	if (i >= argc)
		qu_usage(1, "missing operand");
	spec = argv[i++];
	if (i >= argc) {
		qu_err("missing operand after %s", qu_quote(spec));
		qu_usage(1, NULL);
	}
	if (!qu_mode_valid(spec))
		qu_die(1, "invalid mode: %s", qu_quote(spec));
	mask = umask(0);
	umask(mask);
	for (; i < argc; i++) {
		if (recursive) {
			qu_walk(argv[i], QU_WALK_FOLLOW_ARGS, visit, NULL);
			continue;
		}
		if (stat(argv[i], &st) != 0) {
			qu_errno(errno, "cannot access %s", qu_quoteaf(argv[i]));
			status = 1;
			continue;
		}
		change(argv[i], &st);
	}
	return status;
}
