/*
 * mv - move files (POSIX: -f -i).
 *
 * Uses rename(); across file systems the source is copied (with mode, owner
 * and times) and then removed.
 */
#include "copy.h"
#include "qu.h"
#include "walk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: mv [-fi] source target\n"
         "       mv [-fi] source... directory\n"
         "  -f  do not ask before overwriting   -i  ask before overwriting\n");

static int opt_f, opt_i;

/* Walk callback removing a copied-away source tree. */
static int remove_visit(struct qu_walk_ent *e, void *arg)
{
	int *status = arg;

	if (e->type == QU_D)
		return QU_WALK_CONTINUE;
	if ((e->type == QU_DP ? rmdir(e->path) : unlink(e->path)) != 0) {
		qu_errno(errno, "cannot remove %s", qu_quoteaf(e->path));
		*status = 1;
	}
	return QU_WALK_CONTINUE;
}

/* Moves src to dst (the final name). Returns 0 or 1. */
static int move1(const char *src, const char *dst)
{
	struct stat s, d;
	struct qu_copy_opts o;
	int have_d, status = 0;

	if (lstat(src, &s) != 0) {
		qu_errno(errno, "cannot stat %s", qu_quoteaf(src));
		return 1;
	}
	have_d = lstat(dst, &d) == 0;
	if (have_d) {
		if (s.st_dev == d.st_dev && s.st_ino == d.st_ino) {
			qu_err("%s and %s are the same file", qu_quoteaf(src), qu_quoteaf(dst));
			return 1;
		}
		if (S_ISDIR(d.st_mode) && !S_ISDIR(s.st_mode)) {
			qu_err("cannot overwrite directory %s with non-directory", qu_quoteaf(dst));
			return 1;
		}
		if (!S_ISDIR(d.st_mode) && S_ISDIR(s.st_mode)) {
			qu_err("cannot overwrite non-directory %s with directory %s",
			       qu_quoteaf(dst), qu_quoteaf(src));
			return 1;
		}
		if (opt_i || (!opt_f && isatty(0) && !S_ISLNK(d.st_mode) && access(dst, W_OK))) {
			fprintf(stderr, "%s: overwrite %s? ", qu_prog, qu_quoteaf(dst));
			fflush(stderr);
			if (!qu_yes())
				return 0;
		}
	}
	if (S_ISDIR(s.st_mode) && qu_is_inside(src, dst)) {
		qu_err("cannot move %s to a subdirectory of itself, %s", qu_quoteaf(src),
		       qu_quoteaf(dst));
		return 1;
	}
	if (rename(src, dst) == 0)
		return 0;
	if (errno != EXDEV) {
		qu_errno(errno, "cannot move %s to %s", qu_quoteaf(src), qu_quoteaf(dst));
		return 1;
	}
	/* across file systems: copy with everything preserved, then remove */
	memset(&o, 0, sizeof(o));
	o.recursive = o.preserve = o.force = o.mv = 1;
	if (have_d && S_ISDIR(d.st_mode) && rmdir(dst) != 0) {
		qu_errno(errno, "cannot remove %s", qu_quoteaf(dst));
		return 1;
	}
	if (qu_copy(src, dst, &o) != 0)
		return 1;
	qu_walk(src, QU_WALK_POST, remove_visit, &status);
	return status;
}

int main(int argc, char **argv)
{
	struct stat st;
	int c, n, i, status = 0, r;
	const char *target;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "fi")) != -1) {
		opt_f = c == 'f';
		opt_i = c == 'i';
	}
	n = argc - qu_optind;
	if (n < 1)
		qu_usage(1, "missing file operand");
	if (n < 2) {
		qu_err("missing destination file operand after %s", qu_quoteaf(argv[qu_optind]));
		qu_usage(1, NULL);
	}
	target = argv[argc - 1];
	r = stat(target, &st);
	if (r == 0 && S_ISDIR(st.st_mode)) {
		for (i = qu_optind; i < argc - 1; i++) {
			char *d = qu_path_into(target, argv[i]);
			status |= move1(argv[i], d);
			free(d);
		}
		return status;
	}
	if (n > 2) {
		if (r != 0)
			qu_die_errno(1, errno, "target %s", qu_quoteaf(target));
		qu_die_errno(1, ENOTDIR, "target %s", qu_quoteaf(target));
	}
	return move1(argv[qu_optind], target);
}
