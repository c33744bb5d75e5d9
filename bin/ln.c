/*
 * ln - link files (POSIX: -f -s, -L -P).
 *
 * ln [-fs] source [target], or ln [-fs] source... directory. With one
 * operand the link is made in the current directory under the source's
 * last component.
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: ln [-fs] [-L|-P] source [target]\n"
         "       ln [-fs] [-L|-P] source... directory\n"
         "  -s  make symbolic links   -f  remove existing targets first\n"
         "  -L  hard-link the target of a symbolic link source;  -P  the link itself\n");

static int opt_s, opt_f, opt_L;

/* Returns the last component of p (without trailing slashes), malloc'ed. */
static char *base_of(const char *p)
{
	size_t n = strlen(p);
	const char *b;
	char *r;

	while (n > 1 && p[n - 1] == '/')
		n--;
	b = p + n;
	while (b > p && b[-1] != '/')
		b--;
	r = qu_malloc((size_t)(p + n - b) + 1);
	memcpy(r, b, (size_t)(p + n - b));
	r[p + n - b] = 0;
	return r;
}

/* Makes one link from src at dst; returns 0 or 1. */
static int link1(const char *src, const char *dst)
{
	struct stat s, d;
	int r;

	if (!opt_s && (opt_L ? stat(src, &s) : lstat(src, &s)) != 0) {
		qu_errno(errno, "failed to access %s", qu_quoteaf(src));
		return 1;
	}
	if (!opt_s && S_ISDIR(s.st_mode)) {
		qu_err("%s: hard link not allowed for directory", qu_quotef(src));
		return 1;
	}
	if (opt_f && lstat(dst, &d) == 0) {
		if (!opt_s && s.st_dev == d.st_dev && s.st_ino == d.st_ino) {
			qu_err("%s and %s are the same file", qu_quoteaf(src), qu_quoteaf(dst));
			return 1;
		}
		if (S_ISDIR(d.st_mode)) {
			qu_err("%s: cannot overwrite directory", qu_quoteaf(dst));
			return 1;
		}
		if (unlink(dst) != 0 && errno != ENOENT) {
			qu_errno(errno, "cannot remove %s", qu_quoteaf(dst));
			return 1;
		}
	}
	if (opt_s)
		r = symlink(src, dst);
	else
		r = linkat(AT_FDCWD, src, AT_FDCWD, dst, opt_L ? AT_SYMLINK_FOLLOW : 0);
	if (r != 0) {
		if (opt_s)
			qu_errno(errno, "failed to create symbolic link %s", qu_quoteaf(dst));
		else if (errno == EEXIST)
			qu_errno(errno, "failed to create hard link %s", qu_quoteaf(dst));
		else
			qu_errno(errno, "failed to create hard link %s => %s", qu_quoteaf(dst),
			         qu_quoteaf(src));
		return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int c, n, i, r, status = 0;
	struct stat st;
	const char *target;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "fsLP")) != -1) {
		if (c == 'f')
			opt_f = 1;
		else if (c == 's')
			opt_s = 1;
		else
			opt_L = c == 'L';
	}
	n = argc - qu_optind;
	if (n < 1)
		qu_usage(1, "missing file operand");
	if (n == 1) {
		char *b = base_of(argv[qu_optind]);
		char *p = qu_malloc(strlen(b) + 3);
		sprintf(p, "./%s", b);
		status = link1(argv[qu_optind], p);
		free(p);
		free(b);
		return status;
	}
	target = argv[argc - 1];
	r = stat(target, &st);
	if (r == 0 && S_ISDIR(st.st_mode)) {
		for (i = qu_optind; i < argc - 1; i++) {
			char *b = base_of(argv[i]);
			char *p = qu_malloc(strlen(target) + strlen(b) + 2);
			sprintf(p, "%s%s%s", target, target[strlen(target) - 1] == '/' ? "" : "/",
			        b);
			status |= link1(argv[i], p);
			free(p);
			free(b);
		}
		return status;
	}
	if (n > 2 && r != 0)
		qu_die_errno(1, errno, "target %s", qu_quoteaf(target));
	if (n > 2)
		qu_die_errno(1, ENOTDIR, "target %s", qu_quoteaf(target));
	return link1(argv[qu_optind], target);
}
