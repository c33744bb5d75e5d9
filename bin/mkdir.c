/*
 * mkdir - make directories (POSIX: -p, -m mode).
 *
 * With -p, missing parents are created with mode u+wx added to the default
 * and existing directories are not an error. -m sets the mode of the final
 * directory exactly (with chmod, so the umask does not apply).
 */
#include "mode.h"
#include "qu.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

QU_USAGE("Usage: mkdir [-p] [-m mode] dir...\n"
         "  -p  create missing parents; no error if the directory exists\n"
         "  -m  set the mode of the new directories (chmod syntax)\n");

/* Creates the parents of path (modified temporarily); returns 0 or -1. */
static int make_parents(char *path, mode_t mode)
{
	char *p = path;
	struct stat st;

	while (*p == '/')
		p++;
	for (;;) {
		p = strchr(p, '/');
		if (!p)
			return 0;
		*p = 0;
		if (mkdir(path, mode) != 0) {
			int e = errno;
			if (e != EEXIST || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
				if (e == EEXIST)
					e = ENOTDIR;
				qu_errno(e, "cannot create directory %s", qu_quoteaf(path));
				*p = '/';
				return -1;
			}
		}
		*p = '/';
		while (*p == '/')
			p++;
	}
}

int main(int argc, char **argv)
{
	int c, parents = 0, status = 0, i;
	const char *mspec = NULL;
	mode_t mask, mode;
	struct stat st;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "pm:")) != -1) {
		if (c == 'p')
			parents = 1;
		else
			mspec = qu_optarg;
	}
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	mask = umask(0);
	umask(mask);
	if (mspec && qu_mode_apply(mspec, 0777, 1, mask, &mode) != 0)
		qu_die(1, "invalid mode %s", qu_quote(mspec));
	for (i = qu_optind; i < argc; i++) {
		char *path = argv[i];
		if (parents && make_parents(path, 0777 & ~(mask & ~0300)) != 0) {
			status = 1;
			continue;
		}
		if (mkdir(path, mspec ? 0700 : 0777) != 0) {
			int e = errno;
			if (parents && e == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
				continue;
			qu_errno(e, "cannot create directory %s", qu_quoteaf(path));
			status = 1;
			continue;
		}
		if (mspec && chmod(path, mode) != 0) {
			qu_errno(errno, "cannot set permissions of %s", qu_quoteaf(path));
			status = 1;
		}
	}
	return status;
}
