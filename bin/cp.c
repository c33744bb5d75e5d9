/*
 * cp - copy files (POSIX: -f -i -p -R -r -H -L -P).
 *
 * cp [-fip] source target, or cp [-fip] -R source... directory. With -R,
 * symbolic links are copied as links unless -L or -H; FIFOs are recreated.
 */
#include "copy.h"
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

QU_USAGE("Usage: cp [-fip] [-R [-H|-L|-P]] source... target\n"
         "  -R, -r  copy directories recursively\n"
         "  -f      remove a destination that cannot be opened, then retry\n"
         "  -i      ask before overwriting      -p  preserve mode, owner and times\n"
         "  -H      follow links named as operands;  -L  follow all;  -P  none\n");

int main(int argc, char **argv)
{
	struct qu_copy_opts o;
	struct stat st;
	int c, n, i, status = 0, r;
	const char *target;

	qu_init(argv[0]);
	memset(&o, 0, sizeof(o));
	o.deref = -1;
	while ((c = qu_getopt(argc, argv, "fipRrHLP")) != -1) {
		switch (c) {
		case 'f':
			o.force = 1;
			o.interactive = 0;
			break;
		case 'i':
			o.interactive = 1;
			o.force = 0;
			break;
		case 'p':
			o.preserve = 1;
			break;
		case 'R':
		case 'r':
			o.recursive = 1;
			break;
		case 'H':
			o.deref = 2;
			break;
		case 'L':
			o.deref = 1;
			break;
		case 'P':
			o.deref = 0;
			break;
		}
	}
	if (o.deref < 0)
		o.deref = o.recursive ? 0 : 1;
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
			status |= qu_copy(argv[i], d, &o);
			free(d);
		}
		return status;
	}
	if (n > 2) {
		if (r != 0)
			qu_die_errno(1, errno, "target %s", qu_quoteaf(target));
		qu_die_errno(1, ENOTDIR, "target %s", qu_quoteaf(target));
	}
	return qu_copy(argv[qu_optind], target, &o);
}
