/*
 * whoami - print the user name of the effective user ID.
 */
#include "qu.h"

#include <pwd.h>
#include <unistd.h>

QU_USAGE("Usage: whoami\n"
         "Prints the name of the effective user.\n");

int main(int argc, char **argv)
{
	struct passwd *pw;
	uid_t uid;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
	uid = geteuid();
	pw = getpwuid(uid);
	if (!pw)
		qu_die(1, "cannot find name for user ID %lu", (unsigned long)uid);
	puts(pw->pw_name);
	return 0;
}
