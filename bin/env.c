/*
 * env - set the environment for command invocation.
 *
 * env [-i] [-u name] [name=value]... [utility [argument...]]: without a
 * utility, prints the resulting environment. The utility replaces env
 * (execvp), so no new process is created. "-" alone means -i.
 */
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: env [-i] [-u name]... [name=value]... [utility [argument...]]\n"
         "  -i  start with an empty environment\n"
         "  -u  remove name from the environment\n");

extern char **environ;

int main(int argc, char **argv)
{
	static char *empty[1];
	char **e;
	int c;

	qu_init(argv[0]);
	qu_usage_status = 125;
	while ((c = qu_getopt(argc, argv, "iu:")) != -1) {
		if (c == 'i') {
			environ = empty;
		} else if (unsetenv(qu_optarg) != 0) {
			qu_die_errno(125, errno, "cannot unset %s", qu_quote(qu_optarg));
		}
	}
	if (qu_optind < argc && !strcmp(argv[qu_optind], "-")) {
		environ = empty;
		qu_optind++;
	}
	for (; qu_optind < argc && strchr(argv[qu_optind], '='); qu_optind++) {
		char *eq = strchr(argv[qu_optind], '=');
		if (eq == argv[qu_optind])
			qu_die_errno(125, EINVAL, "cannot set %s", qu_quote(argv[qu_optind]));
		*eq = 0;
		if (setenv(argv[qu_optind], eq + 1, 1) != 0)
			qu_die_errno(125, errno, "cannot set %s", qu_quote(argv[qu_optind]));
		*eq = '=';
	}
	if (qu_optind >= argc) {
		for (e = environ; *e; e++)
			puts(*e);
		return 0;
	}
	fflush(stdout);
	execvp(argv[qu_optind], argv + qu_optind);
	c = errno;
	qu_errno(c, "%s", qu_quote(argv[qu_optind]));
	return c == ENOENT ? 127 : 126;
}
