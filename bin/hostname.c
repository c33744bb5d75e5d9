/*
 * hostname - print the name of the host (gethostname). Setting the name is
 * not part of POSIX and is done by the system's configuration instead.
 */
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <unistd.h>

QU_USAGE("Usage: hostname\n"
         "Prints the host name.\n");

int main(int argc, char **argv)
{
	char buf[HOST_NAME_MAX + 2];

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind < argc)
		qu_die(1, "setting the host name is not supported");
	if (gethostname(buf, sizeof(buf) - 1) != 0)
		qu_die_errno(1, errno, "gethostname");
	buf[sizeof(buf) - 1] = 0;
	puts(buf);
	return 0;
}
