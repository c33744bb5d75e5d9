/*
 * rm - remove directory entries (POSIX: -f -i -R -r).
 *
 * Refuses to remove "." and ".." and to work recursively on "/". Without
 * -f, asks before removing a write-protected file when stdin is a terminal.
 */
#include "qu.h"
#include "walk.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: rm [-fiRr] file...\n"
         "  -f  never ask; ignore files that do not exist\n"
         "  -i  ask before every removal     -R, -r  remove directories and their contents\n");

static int opt_f, opt_i, opt_r, status;

/* kept[d] is set when an entry at depth d was not removed, so that its
 * parent directory (depth d - 1) is left alone without asking. */
static unsigned char *kept;
static size_t kept_cap;

/* Marks depth d as having a kept entry. */
static void keep(int d)
{
	if ((size_t)d >= kept_cap) {
		size_t n = (size_t)d * 2 + 16;
		kept = qu_realloc(kept, n);
		memset(kept + kept_cap, 0, n - kept_cap);
		kept_cap = n;
	}
	kept[d] = 1;
}

/* Returns and clears the kept mark of depth d. */
static int take_kept(int d)
{
	int r = (size_t)d < kept_cap && kept[d];

	if ((size_t)d < kept_cap)
		kept[d] = 0;
	return r;
}

/* Returns 1 if the directory at path has no entries. */
static int dir_empty(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int empty = 1;

	if (!d)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	}
	closedir(d);
	return empty;
}

/* Describes the file type for prompts as coreutils does. */
static const char *kind(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return st->st_size ? "regular file" : "regular empty file";
	if (S_ISDIR(st->st_mode))
		return "directory";
	if (S_ISLNK(st->st_mode))
		return "symbolic link";
	if (S_ISFIFO(st->st_mode))
		return "fifo";
	if (S_ISSOCK(st->st_mode))
		return "socket";
	if (S_ISCHR(st->st_mode))
		return "character special file";
	if (S_ISBLK(st->st_mode))
		return "block special file";
	return "file";
}

/* Asks whether to remove path (or descend into it); returns 1 to go ahead. */
static int confirm(const char *path, const struct stat *st, int descend)
{
	int prot = !S_ISLNK(st->st_mode) && access(path, W_OK) != 0 && errno == EACCES;

	if (opt_f)
		return 1;
	if (!opt_i && !(prot && isatty(0)))
		return 1;
	if (descend)
		fprintf(stderr, "%s: descend into %sdirectory %s? ", qu_prog,
		        prot ? "write-protected " : "", qu_quoteaf(path));
	else
		fprintf(stderr, "%s: remove %s%s %s? ", qu_prog, prot ? "write-protected " : "",
		        kind(st), qu_quoteaf(path));
	fflush(stderr);
	return qu_yes();
}

/* Tree walk callback for -r. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	(void)arg;
	switch (e->type) {
	case QU_NS:
		if (!(opt_f && e->err == ENOENT)) {
			qu_errno(e->err, "cannot remove %s", qu_quoteaf(e->path));
			status = 1;
			keep(e->depth);
		}
		return QU_WALK_CONTINUE;
	case QU_D:
		take_kept(e->depth + 1);
		if (opt_i && dir_empty(e->path))
			return QU_WALK_CONTINUE;
		if (confirm(e->path, &e->st, 1))
			return QU_WALK_CONTINUE;
		keep(e->depth);
		return QU_WALK_SKIP;
	case QU_DNR:
		qu_errno(e->err, "cannot remove %s", qu_quoteaf(e->path));
		status = 1;
		return QU_WALK_CONTINUE;
	case QU_DP:
		if (take_kept(e->depth + 1)) {
			keep(e->depth);
			return QU_WALK_CONTINUE;
		}
		if ((opt_i || opt_f) && !confirm(e->path, &e->st, 0)) {
			keep(e->depth);
			return QU_WALK_CONTINUE;
		}
		if (rmdir(e->path) != 0) {
			qu_errno(errno, "cannot remove %s", qu_quoteaf(e->path));
			status = 1;
			keep(e->depth);
		}
		return QU_WALK_CONTINUE;
	default:
		if (!confirm(e->path, &e->st, 0)) {
			keep(e->depth);
			return QU_WALK_CONTINUE;
		}
		if (unlink(e->path) != 0) {
			qu_errno(errno, "cannot remove %s", qu_quoteaf(e->path));
			status = 1;
			keep(e->depth);
		}
		return QU_WALK_CONTINUE;
	}
}

/* Returns 1 if the last component of path is "." or "..". */
static int dot_or_dotdot(const char *path)
{
	size_t n = strlen(path);
	const char *b;

	while (n > 1 && path[n - 1] == '/')
		n--;
	b = path + n;
	while (b > path && b[-1] != '/')
		b--;
	n = (size_t)(path + strlen(path) - b);
	while (n > 1 && b[n - 1] == '/')
		n--;
	return (n == 1 && b[0] == '.') || (n == 2 && b[0] == '.' && b[1] == '.');
}

int main(int argc, char **argv)
{
	struct stat st;
	int c, i;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "fiRrd")) != -1) {
		switch (c) {
		case 'f':
			opt_f = 1;
			opt_i = 0;
			break;
		case 'i':
			opt_i = 1;
			opt_f = 0;
			break;
		case 'd':
			break;
		default:
			opt_r = 1;
			break;
		}
	}
	if (qu_optind >= argc) {
		if (opt_f)
			return 0;
		qu_usage(1, "missing operand");
	}
	for (i = qu_optind; i < argc; i++) {
		const char *p = argv[i];
		if (dot_or_dotdot(p) && (opt_r || lstat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
			qu_err("refusing to remove '.' or '..' directory: skipping %s",
			       qu_quoteaf(p));
			status = 1;
			continue;
		}
		if (lstat(p, &st) != 0) {
			if (!(opt_f && errno == ENOENT)) {
				qu_errno(errno, "cannot remove %s", qu_quoteaf(p));
				status = 1;
			}
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (!opt_r) {
				qu_errno(EISDIR, "cannot remove %s", qu_quoteaf(p));
				status = 1;
				continue;
			}
			if (p[strspn(p, "/")] == 0) {
				qu_err("it is dangerous to operate recursively on %s",
				       qu_quoteaf("/"));
				status = 1;
				continue;
			}
			qu_walk(p, QU_WALK_POST, visit, NULL);
			continue;
		}
		if (!confirm(p, &st, 0))
			continue;
		if (unlink(p) != 0) {
			qu_errno(errno, "cannot remove %s", qu_quoteaf(p));
			status = 1;
		}
	}
	return status;
}
