/*
 * basename - return the non-directory portion of a path name (POSIX), with an
 * optional suffix removed.
 */
#include "qu.h"

#include <string.h>

QU_USAGE("Usage: basename string [suffix]\n"
         "Prints string without its directory part and without suffix.\n");

int main(int argc, char **argv)
{
	char *s, *end, *p;
	size_t n, sl;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	argc -= qu_optind;
	argv += qu_optind;
	if (argc < 1)
		qu_usage(1, "missing operand");
	if (argc > 2)
		qu_usage(1, "extra operand");
	s = argv[0];
	n = strlen(s);
	if (n == 0) {
		puts("");
		return 0;
	}
	end = s + n;
	while (end > s + 1 && end[-1] == '/')
		end--;
	*end = 0;
	if (!strcmp(s, "/")) {
		puts("/");
		return 0;
	}
	p = strrchr(s, '/');
	if (p)
		s = p + 1;
	if (argc == 2) {
		n = strlen(s);
		sl = strlen(argv[1]);
		if (sl < n && !strcmp(s + n - sl, argv[1]))
			s[n - sl] = 0;
	}
	puts(s);
	return 0;
}
