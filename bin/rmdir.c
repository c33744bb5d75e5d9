/*
 * rmdir - remove empty directories (POSIX: -p removes the named parents too).
 */
#include "qu.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: rmdir [-p] dir...\n"
         "  -p  also remove each parent named in the path\n");

/* Strips trailing slashes from s (keeping a lone "/"). */
static void strip_slashes(char *s)
{
	size_t n = strlen(s);

	while (n > 1 && s[n - 1] == '/')
		s[--n] = 0;
}

int main(int argc, char **argv)
{
	int c, parents = 0, status = 0, i;
	char *p;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "p")) != -1)
		parents = 1;
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	for (i = qu_optind; i < argc; i++) {
		char *path = argv[i];
		if (rmdir(path) != 0) {
			qu_errno(errno, "failed to remove %s", qu_quoteaf(path));
			status = 1;
			continue;
		}
		if (!parents)
			continue;
		strip_slashes(path);
		while ((p = strrchr(path, '/')) != NULL) {
			while (p > path && p[-1] == '/')
				p--;
			if (p == path)
				break;
			*p = 0;
			if (rmdir(path) != 0) {
				qu_errno(errno, "failed to remove directory %s", qu_quoteaf(path));
				status = 1;
				break;
			}
		}
	}
	return status;
}
