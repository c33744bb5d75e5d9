/*
 * uname - return system name (POSIX: -a -m -n -r -s -v).
 */
#include "qu.h"

#include <errno.h>
#include <sys/utsname.h>

QU_USAGE("Usage: uname [-amnrsv]\n"
         "  -s system name  -n node name  -r release  -v version  -m machine\n"
         "  -a all of them\n");

int main(int argc, char **argv)
{
	struct utsname u;
	int c, flags = 0, first = 1, i;
	const char *f[5];

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "amnrsv")) != -1) {
		switch (c) {
		case 'a':
			flags |= 31;
			break;
		case 's':
			flags |= 1;
			break;
		case 'n':
			flags |= 2;
			break;
		case 'r':
			flags |= 4;
			break;
		case 'v':
			flags |= 8;
			break;
		case 'm':
			flags |= 16;
			break;
		}
	}
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
	if (uname(&u) < 0)
		qu_die_errno(1, errno, "cannot get system name");
	if (!flags)
		flags = 1;
	f[0] = u.sysname;
	f[1] = u.nodename;
	f[2] = u.release;
	f[3] = u.version;
	f[4] = u.machine;
	for (i = 0; i < 5; i++) {
		if (flags & (1 << i)) {
			printf("%s%s", first ? "" : " ", f[i]);
			first = 0;
		}
	}
	putchar('\n');
	return 0;
}
